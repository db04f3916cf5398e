import Foundation

// Carousel's benchmark suite. Run in release mode from the package folder:
//
//     swift run -c release CarouselBenchmarks                 # everything
//     swift run -c release CarouselBenchmarks --quick         # examples + 1,900 and 5,000; 1 s and 10 s
//     swift run -c release CarouselBenchmarks Examples/stem-week.json --limits 1,10
//
// Every measurement runs in a child process of this executable (so peak
// memory is that run's own). Results: a Markdown table on stdout and in
// Benchmarks/results/solve.md, with a JSON copy beside it.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--single" {
    exit(runSingle(Array(arguments.dropFirst())))
}
exit(runSuite(arguments))
