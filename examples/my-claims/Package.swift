// swift-tools-version:6.0
// A package of one's own claims on ClaimCheck: `swift run my-verify list` shows the built-in
// claims and this one, `swift run my-verify logistic-fixed-point` runs it. From elsewhere,
// depend on ClaimCheck by URL instead of by path.
import PackageDescription

let package = Package(
  name: "MyClaims",
  dependencies: [.package(name: "ClaimCheck", path: "../..")],
  targets: [
    .executableTarget(
      name: "my-verify",
      dependencies: [
        .product(name: "Verify", package: "ClaimCheck"),
        .product(name: "VerifyCommandLine", package: "ClaimCheck"),
        .product(name: "Numeric", package: "ClaimCheck"),
      ],
      path: "Sources/MyClaims"),
  ],
  swiftLanguageModes: [.v6]
)
