import CarouselCommandLine

/// The benchmark suite's modes and options, declared once: the parser checks
/// every value, and `--help` prints them.
enum BenchmarkArguments {
    static let out = Option.value(
        "out", "DIR", .folder, default: "Benchmarks/results", help: "Where the result tables go.")

    /// `--single PROBLEM SEED TIME_LIMIT THREADS [SCHEDULE] [--moves N]`.
    static let single = CommandSpec(
        name: "--single",
        abstract: "One solve, printed as JSON (what the suite runs in each child process).",
        positionals: [
            Positional("PROBLEM", help: "The problem file."),
            Positional("SEED", .integer(0...Int.max), help: "Random seed."),
            Positional("TIME_LIMIT", .number(0...1_000_000), help: "Seconds, from before the file is read."),
            Positional("THREADS", .integer(1...256), help: "Searches in parallel."),
            Positional("SCHEDULE", optional: true, help: "Also write the schedule here."),
        ],
        options: [
            .value("moves", "N", .integer(0...Int.max), defaultNote: "no limit", help: "Stop after N moves per thread.")
        ])

    /// `--itc2007 [DIR] [--limit S] [--seeds N] [--first-seed K] [--jobs N] [--only comp01,…] [--out DIR]`.
    static let itc2007 = CommandSpec(
        name: "--itc2007",
        abstract: "ITC-2007 track 3: import, solve, export and score every instance.",
        positionals: [
            Positional(
                "DIR", .folder, optional: true, help: "The folder of .ctt files (default: ../shared/data/itc2007).")
        ],
        options: [
            .value("limit", "S", .number(0...1_000_000), default: "300", help: "Seconds per solve."),
            .value("seeds", "N", .integer(1...1_000), default: "1", help: "Solves per instance (seeds K…K+N-1)."),
            .value(
                "first-seed", "K", .integer(1...1_000_000), default: "1",
                help: "The first seed (to add seeds to an earlier run)."),
            .value("jobs", "N", .integer(1...64), default: "1", help: "Solves at a time (each on one thread)."),
            .value(
                "only", "NAMES", .words, defaultNote: "every instance",
                help: "Only these instances, e.g. comp01,comp05."),
            out,
        ])

    /// `--throughput [PROBLEM] [--moves N] [--repeats N] [--instructions] [--instruction-moves N] [--out DIR]`.
    static let throughput = CommandSpec(
        name: "--throughput",
        abstract: "The search's speed on fixed work: the same solve several times, and optionally under callgrind.",
        positionals: [
            Positional("PROBLEM", optional: true, help: "The problem (default: the generated 1,900-visitor week).")
        ],
        options: [
            .value("moves", "N", .integer(1...Int.max), default: "3000000", help: "Moves per run."),
            .value("repeats", "N", .integer(1...1_000), default: "5", help: "Runs."),
            .flag("instructions", help: "Also count the search's instructions under callgrind."),
            .value(
                "instruction-moves", "N", .integer(1...Int.max), default: "500000", help: "Moves of the callgrind run."),
            out,
        ])

    /// The whole suite (no mode), with the modes as subcommands.
    static let suite = CommandSpec(
        name: "CarouselBenchmarks",
        abstract: "Carousel's benchmark suite: every example and generated week at several time limits (release mode).",
        positionals: [
            Positional("PROBLEM", optional: true, repeats: true, help: "Problem files (default: every example).")
        ],
        options: [
            .value("limits", "S,S,…", .numbers(0...1_000_000), default: "1,10,60", help: "Time limits in seconds."),
            .value("threads", "N", .integer(1...256), default: "1", help: "Threads per solve."),
            .value("seeds", "N", .integer(1...1_000), default: "1", help: "Solves per instance and limit (medians)."),
            out,
            .flag("no-cpsat", help: "Do not run the CP-SAT comparison."),
            .value(
                "cpsat-max-groups", "N", .integer(0...Int.max), default: "300",
                help: "Skip CP-SAT above this many groups."),
            .flag("no-generated", help: "Leave out the generated weeks."),
            .value(
                "throughput-repeats", "N", .integer(0...1_000), default: "5", help: "Fixed-work speed runs (0: none)."),
            .flag("instructions", help: "Also count the search's instructions under callgrind."),
            .flag("quick", help: "Limits 1 and 10 s and only the 1,900 and 5,000-visitor weeks."),
        ],
        subcommands: [single, itc2007, throughput],
        subcommandNoun: "mode")
}
