// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kmsdrill",
    platforms: [.macOS(.v14)],
    products: [

    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.3"),
    ],
    targets: [
        // JSON documents as the AWS wire and CLI see them; timestamps. No dependencies.
        .target(name: "Wire"),
        .testTarget(name: "WireTests", dependencies: ["Wire"]),
        // The AWS service models (names, shapes, limits, errors), generated from botocore.
        .target(name: "AWSModel", dependencies: ["Wire"]),
        .testTarget(name: "AWSModelTests", dependencies: ["AWSModel"], exclude: ["cli-names.json"]),
    ]
)
