// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kmsdrill",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kmsdrill", targets: ["kmsdrill"]),
    ],
    dependencies: [
        // 4.x: 3.12.3 freed an RSA public key twice when its DER did not parse (a tampered
        // CloudTrail signing key in the database then crashed validate-logs now and then).
        .package(url: "https://github.com/apple/swift-crypto.git", from: "4.5.2"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
    ],
    targets: [
        // Benchmarks: figures measured side by side, printed, never asserted.
        .executableTarget(name: "kmsdrill-bench", dependencies: ["KMSEngine", "KMSPolicy", "CloudSim", "Storage", "Wire",
                                                               .product(name: "Crypto", package: "swift-crypto")],
                          path: "Benchmarks/KMSDrillBench"),
        // JSON documents as the AWS wire and CLI see them; timestamps. No dependencies.
        .target(name: "Wire"),
        .testTarget(name: "WireTests", dependencies: ["Wire"]),
        // The AWS service models (names, shapes, limits, errors), generated from botocore.
        .target(name: "AWSModel", dependencies: ["Wire"]),
        .testTarget(name: "AWSModelTests", dependencies: ["AWSModel"], exclude: ["cli-names.json"]),
        // JMESPath, the AWS CLI's --query language, over Wire's JSONValue.
        .target(name: "JMESPath", dependencies: ["Wire"]),
        .testTarget(name: "JMESPathTests", dependencies: ["JMESPath", "Wire"], exclude: ["Cases"]),
        // The IAM policy language and the KMS authorization decision, pure: parse, evaluate, explain.
        .target(name: "KMSPolicy", dependencies: ["Wire"]),
        .testTarget(name: "KMSPolicyTests", dependencies: ["KMSPolicy", "Wire"], exclude: ["Corpus"]),
        // The command language: tokenizer, AWS CLI v2 and drill-command grammar, output formats,
        // pagination, help, completion.
        .target(name: "CLIGrammar", dependencies: ["Wire", "AWSModel"]),
        .testTarget(name: "CLIGrammarTests", dependencies: ["CLIGrammar", "Wire", "AWSModel"], exclude: ["Fixtures"]),
        // The KMS engine: keys, material versions, ciphertext format, one file per operation.
        // No I/O: time, randomness, storage, authorization and audit come in through protocols.
        .target(name: "KMSEngine", dependencies: ["Wire", "KMSPolicy", .product(name: "Crypto", package: "swift-crypto")]),
        // The simulated AWS services around KMS (IAM/STS, S3, EBS, RDS, DynamoDB, CloudTrail), each
        // reached by operation name with wire-form JSON like the engine.
        .target(name: "CloudSim", dependencies: ["KMSEngine", "KMSPolicy", "Wire", .product(name: "Crypto", package: "swift-crypto"),
                                                 .product(name: "CryptoExtras", package: "swift-crypto")]),
        .testTarget(name: "CloudTrailTests", dependencies: ["CloudSim", "Storage", "KMSEngine", "TestSupport", "Wire",
                                                           .product(name: "Crypto", package: "swift-crypto")], exclude: ["Cases"]),
        .testTarget(name: "CloudSimTests", dependencies: ["CloudSim", "KMSEngine", "KMSPolicy", "Storage", "TestSupport", "Wire",
                                                         .product(name: "Crypto", package: "swift-crypto")], exclude: ["Scenarios"]),
        // The system's SQLite (libsqlite3-dev).
        .systemLibrary(name: "CSQLite", pkgConfig: "sqlite3", providers: [.apt(["libsqlite3-dev"])]),
        // The only code that talks to SQLite: the home database, migrations, and the stores.
        .target(name: "Storage", dependencies: ["CSQLite", "KMSEngine", "CloudSim", "StudyKit", "Wire", .product(name: "Crypto", package: "swift-crypto")]),
        // Pure study library: content model, loader and checker, importer, FSRS-6, quizzes, exams,
        // progress, lesson rendering.
        .target(name: "StudyKit", dependencies: ["Wire", .product(name: "Yams", package: "Yams")]),
        .testTarget(name: "StudyKitTests", dependencies: ["StudyKit", "Wire"], exclude: ["Fixtures", "Snapshots"]),
        // The system's libedit (libedit-dev): line editing, history and completion for the REPL.
        .systemLibrary(name: "CEditLine", pkgConfig: "libedit", providers: [.apt(["libedit-dev"])]),
        // The command line: drill commands, AWS command dispatch, output, the REPL and batch runs.
        .target(name: "DrillCLI", dependencies: ["CLIGrammar", "CloudSim", "CEditLine", "JMESPath", "KMSEngine", "StudyKit",
                                                 "Storage", "Wire", .product(name: "Crypto", package: "swift-crypto")]),
        // main.swift: wires the libraries together and runs.
        .executableTarget(name: "kmsdrill", dependencies: ["DrillCLI"]),
        .testTarget(name: "StudyCommandTests", dependencies: ["DrillCLI", "Storage", "StudyKit", "Wire"]),
        .testTarget(name: "LabTests", dependencies: ["DrillCLI", "StudyKit", "Storage", "Wire"], exclude: ["Fixtures", "Cases"]),
        .testTarget(name: "DrillCLITests", dependencies: ["DrillCLI", "JMESPath", "Storage", "Wire"], exclude: ["Transcripts"]),
        // Fixtures and runners shared by the test targets.
        .target(name: "TestSupport", dependencies: ["KMSEngine", "CloudSim", "Storage", "Wire", .product(name: "Crypto", package: "swift-crypto")],
                path: "Tests/TestSupport"),
        .testTarget(name: "KMSEngineTests", dependencies: ["KMSEngine", "Storage", "TestSupport", "Wire",
                                                          .product(name: "Crypto", package: "swift-crypto")],
                    exclude: ["Scenarios"]),
    ]
)

