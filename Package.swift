// swift-tools-version:6.0
import PackageDescription

/// Carousel: a scheduling solver for multi-school event days.
///
/// Layers (each a module, each depending only on the ones above it):
/// - `CarouselModel`: decoding and validating problem and schedule files,
///   with errors that carry file, line:column and JSON path.
/// - `CarouselSolver`: the compiled dense instance, scoring, construction.
/// - `CarouselIO`: writing schedules and human-readable reports.
/// - `CarouselCommandLine`: options and commands declared as data, the
///   parser, help and shell completions (used by the CLI and the benchmarks).
/// - `CarouselCLI`: the commands (`solve`, `validate`, `check`, ...);
///   `carousel` is its four-line `main`.
let package = Package(
    name: "Carousel",
    products: [
        .executable(name: "carousel", targets: ["carousel"]),
        .library(name: "CarouselModel", targets: ["CarouselModel"]),
        .library(name: "CarouselSolver", targets: ["CarouselSolver"]),
        .library(name: "CarouselIO", targets: ["CarouselIO"]),
    ],
    targets: [
        .target(name: "CarouselModel"),
        // The solver's release build leaves out the runtime checks on array
        // indices and integer overflow (-Ounchecked): about 15% of the
        // search's instructions. Its indices all come from the compiled
        // instance, never from input; debug builds, which run the tests,
        // keep every check (Benchmarks/README.md, "Build settings").
        .target(
            name: "CarouselSolver", dependencies: ["CarouselModel"],
            swiftSettings: [.unsafeFlags(["-Ounchecked"], .when(configuration: .release))]),
        .target(name: "CarouselIO", dependencies: ["CarouselModel", "CarouselSolver"]),
        .target(name: "CarouselCommandLine", dependencies: ["CarouselModel"]),
        .target(
            name: "CarouselCLI",
            dependencies: ["CarouselModel", "CarouselSolver", "CarouselIO", "CarouselCommandLine"]),
        .executableTarget(name: "carousel", dependencies: ["CarouselCLI"]),
        .executableTarget(
            name: "CarouselBenchmarks",
            dependencies: ["CarouselModel", "CarouselSolver", "CarouselIO", "CarouselCommandLine"],
            path: "Benchmarks/CarouselBenchmarks"),
        .testTarget(name: "CarouselModelTests", dependencies: ["CarouselModel"]),
        .testTarget(name: "CarouselSolverTests", dependencies: ["CarouselModel", "CarouselSolver", "CarouselIO"]),
        .testTarget(name: "CarouselIOTests", dependencies: ["CarouselModel", "CarouselSolver", "CarouselIO"]),
        .testTarget(
            name: "CarouselCLITests",
            dependencies: ["CarouselCLI", "CarouselCommandLine", "CarouselModel", "CarouselSolver", "CarouselIO"]),
    ],
    swiftLanguageModes: [.v6]
)
