import CarouselCLI
import Foundation

exit(CarouselTool.main(Array(CommandLine.arguments.dropFirst())))
