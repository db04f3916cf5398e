import Foundation
import CarouselModel
import CarouselSolver
import CarouselIO

// Carousel's benchmark suite. Run in release mode:
//
//     swift run -c release CarouselBenchmarks [--runs 5] [--out Benchmarks/results]
//
// Each instance runs in a child process of this same executable (so peak
// memory is the instance's own), several times with different seeds; the
// suite prints a Markdown table and writes it with a JSON copy.

let arguments = Array(CommandLine.arguments.dropFirst())
if arguments.first == "--single" {
    exit(runSingle(Array(arguments.dropFirst())))
}
exit(runSuite(arguments))
