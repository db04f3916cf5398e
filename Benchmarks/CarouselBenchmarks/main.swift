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

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--single" {
    exit(runSingle(Array(arguments.dropFirst())))
}
if arguments.first == "--itc2007" {
    exit(runITC2007(Array(arguments.dropFirst())))
}
if arguments.first == "--throughput" {
    exit(runThroughput(Array(arguments.dropFirst())))
}
exit(runSuite(arguments))
