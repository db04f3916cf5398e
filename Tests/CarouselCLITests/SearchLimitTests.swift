import CarouselCommandLine
import Testing

@testable import CarouselCLI
@testable import CarouselSolver

/// Issue 16, item 3: an explicit `--time-limit` is the time used, `--moves`
/// is exact, and with neither the default move budget scales with the
/// problem.
@Suite struct SearchLimitTests {
    static func settings(_ arguments: [String]) throws -> Solver.Options {
        let parsed = try ArgumentParser.parse(["problem.json"] + arguments, for: SolveCommand.spec)
        return SearchSettings(parsed).options
    }

    @Test func anExplicitTimeLimitLiftsTheDefaultMoveBudget() throws {
        let options = try Self.settings(["--time-limit", "300"])
        #expect(options.timeLimit == 300)
        #expect(options.moveLimit == .max)
        #expect(!options.scalesMoveLimit)
    }

    @Test func explicitMovesAreExactWithOrWithoutATimeLimit() throws {
        for arguments in [["--moves", "5000"], ["--moves", "5000", "--time-limit", "30"]] {
            let options = try Self.settings(arguments)
            #expect(options.moveLimit == 5_000)
            #expect(!options.scalesMoveLimit)
        }
        #expect(try Self.settings(["--moves", "0"]).moveLimit == .max)
    }

    @Test func withNeitherTheDefaultBudgetScales() throws {
        let options = try Self.settings([])
        #expect(options.moveLimit == 3_000_000)
        #expect(options.scalesMoveLimit)
        #expect(options.timeLimit == 60)
    }

    @Test func theHelpStatesTheRule() {
        let help = Run(["help", "solve"]).out.flattened
        #expect(help.contains("a --time-limit you give is the time used"))
    }
}
