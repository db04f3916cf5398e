import CarouselCommandLine
import Foundation

// Carousel's benchmark suite. Run in release mode from the package folder:
//
//     swift run -c release CarouselBenchmarks                 # everything
//     swift run -c release CarouselBenchmarks --quick         # examples + 1,900 and 5,000; 1 s and 10 s
//     swift run -c release CarouselBenchmarks Examples/stem-week.json --limits 1,10
//     swift run -c release CarouselBenchmarks --itc2007 [DIR] --limit 300 --jobs 2
//     swift run -c release CarouselBenchmarks --throughput [PROBLEM] --repeats 5 --instructions
//
// Every measurement runs in a child process of this executable (so peak
// memory is that run's own). Results: a Markdown table on stdout and in
// Benchmarks/results/solve.md, with a JSON copy beside it; the ITC-2007
// comparison in Benchmarks/results/itc2007.md; the search's speed on fixed
// work in Benchmarks/results/throughput.md.
//
// Options are parsed by the same declarations and parser as `carousel`'s
// (BenchmarkArguments.swift): a bad value is an error with the usage, never
// a silent default.

let program = CommandLineProgram(root: BenchmarkArguments.suite, version: "carousel benchmarks")
do {
    switch try program.resolve(Array(CommandLine.arguments.dropFirst())) {
    case .help(let path, let isError):
        FileHandle.standardError.write(Data(HelpText.render(path).utf8))
        exit(isError ? 2 : 0)
    case .version:
        print(program.version)
        exit(0)
    case .run(let path, let arguments):
        switch path.last!.name {
        case BenchmarkArguments.single.name: exit(runSingle(arguments))
        case BenchmarkArguments.itc2007.name: exit(runITC2007(arguments))
        case BenchmarkArguments.throughput.name: exit(runThroughput(arguments))
        default: exit(runSuite(arguments))
        }
    }
} catch {
    let names = error.path.map(\.name).joined(separator: " ")
    FileHandle.standardError.write(Data("error: \(error.error.message)\n".utf8))
    FileHandle.standardError.write(
        Data(HelpText.usageBlock(error.path.last!.usageLines(prefix: names), label: "usage: ").utf8))
    exit(2)
}
