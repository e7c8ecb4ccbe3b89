import Foundation

/// Help text of the options the AWS CLI adds to operations (our wording of the AWS CLI's).
enum PagingHelp {
    static let startingToken = "A token to specify where to start paginating. This is the NextToken from a previously "
        + "truncated response."
    static let maxItems = "The total number of items to return in the command's output. If the total number of items "
        + "available is more than the value specified, a NextToken is provided in the command's output. To resume "
        + "pagination, provide the NextToken value in the starting-token argument of a subsequent command. Do not use "
        + "the NextToken response element directly outside of the AWS CLI."
    static let pageSize = "The size of each page to get in the AWS service call. This does not affect the number of "
        + "items returned in the command's output. Setting a smaller page size results in more calls to the AWS "
        + "service, retrieving fewer items in each call."
    static let cliInputJSON = "Performs service operation based on the JSON string provided. The JSON string follows "
        + "the format provided by --generate-cli-skeleton. If other arguments are provided on the command line, the "
        + "CLI values will override the JSON-provided values. It is not possible to pass arbitrary binary values "
        + "using a JSON-provided value as the string will be taken literally. Give the JSON inline or as file://PATH."
    static let generateSkeleton = "Prints a JSON skeleton to standard output without sending an API request. If "
        + "provided with no value or the value input, prints a sample input JSON that can be used as an argument for "
        + "--cli-input-json. If provided with the value output, it validates the command inputs and returns a sample "
        + "output JSON for that command."
}

/// EXAMPLES entries: title, explanation, the command as typed, and its output.
enum ExampleText {
    static func write(_ examples: [ExampleSpec], to page: inout HelpText) {
        for (n, example) in examples.enumerated() {
            page.blank()
            page.paragraph("Example \(n + 1): \(example.title)", indent: 7)
            if !example.explanation.isEmpty {
                for paragraph in example.explanation.components(separatedBy: "\n\n") {
                    page.blank()
                    page.paragraph(paragraph.replacingOccurrences(of: "\n", with: " "), indent: 7)
                }
            }
            page.blank()
            for line in example.command.split(separator: "\n", omittingEmptySubsequences: false) {
                page.line(String(line), indent: 10)
            }
            if let output = example.output {
                page.blank()
                page.line("Output:", indent: 7)
                page.blank()
                for line in output.split(separator: "\n", omittingEmptySubsequences: false) {
                    page.line(String(line), indent: 10)
                }
            }
        }
    }
}
