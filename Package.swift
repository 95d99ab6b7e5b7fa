// swift-tools-version:6.0
import PackageDescription

let package = Package(
  name: "ClaimCheck",
  products: [
    .executable(name: "verify", targets: ["VerifyTool"]),
    .executable(name: "bench", targets: ["Bench"]),
    .library(name: "Numeric", targets: ["Numeric"]),
    .library(name: "Symbolic", targets: ["Symbolic"]),
    .library(name: "Verify", targets: ["Verify"]),
    // The `verify` command line as a library: a package of one's own claims gets it from one
    // call, `VerifyCommand.main(claims: [MyClaim()])`.
    .library(name: "VerifyCommandLine", targets: ["VerifyCommandLine"]),
  ],
  dependencies: [
    .package(url: "https://github.com/apple/swift-numerics", from: "1.1.1"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
    .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
  ],
  targets: [
    // System libraries: module maps over gmp.h and mpfr.h, found through pkg-config.
    .systemLibrary(name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"])]),
    .systemLibrary(name: "CMPFR", pkgConfig: "mpfr", providers: [.apt(["libmpfr-dev"])]),
    // Arb (ball arithmetic over FLINT): Debian's libflint-arb-dev has no pkg-config file, so
    // the module map names the libraries (flint-arb, flint) itself.
    .systemLibrary(name: "CArb", providers: [.apt(["libflint-arb-dev", "libflint-dev"])]),
    // glibc's <malloc.h>, for the allocator's thresholds (`FreedMemoryRetention`).
    .systemLibrary(name: "CMalloc"),

    .target(
      name: "Numeric",
      dependencies: ["CGMP", "CMPFR", "CArb", "CMalloc", .product(name: "RealModule", package: "swift-numerics")]),
    .target(name: "Symbolic", dependencies: ["Numeric"]),
    .target(
      name: "Verify",
      dependencies: ["Numeric", "Symbolic", .product(name: "TOMLKit", package: "TOMLKit")]),
    .target(
      name: "VerifyCommandLine",
      dependencies: ["Verify", .product(name: "ArgumentParser", package: "swift-argument-parser")]),
    .executableTarget(name: "VerifyTool", dependencies: ["VerifyCommandLine"]),

    // Benchmarks, run on demand: `swift run -c release bench <suite>`.
    .target(name: "CBench", dependencies: ["CMPFR"], path: "Benchmarks/CBench"),
    .executableTarget(
      name: "Bench", dependencies: ["Numeric", "Symbolic", "Verify", "CBench"], path: "Benchmarks/Bench"),

    .testTarget(name: "NumericTests", dependencies: ["Numeric"]),
    .testTarget(name: "SymbolicTests", dependencies: ["Symbolic"]),
    .testTarget(
      name: "VerifyTests",
      dependencies: [
        "Verify", "VerifyCommandLine", "VerifyTool",
        .product(name: "PropertyBased", package: "swift-property-based"),
      ]),
  ],
  swiftLanguageModes: [.v6]
)

// DocC (`Sources/Verify/Documentation.docc`): `CLAIMCHECK_DOCS=1 swift package
// generate-documentation --target Verify`. The plugin is added only then: every fresh build
// would otherwise fetch it and compile its plugin scripts, about 10 s of CPU for nothing.
if Context.environment["CLAIMCHECK_DOCS"] != nil {
  package.dependencies.append(
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"))
}
