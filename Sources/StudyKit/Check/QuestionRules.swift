/// The per-question rules of FORMAT.md: option counts, correct answers, explanations, do-it answers.
enum QuestionRules {
    static let minimumOptions = 3
    static let maximumOptions = 6

    static func check(_ question: Question) -> [Diagnostic] {
        switch question.kind {
        case .single, .multiple: return checkChoice(question)
        case .doIt: return checkDoIt(question)
        }
    }

    private static func checkChoice(_ q: Question) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let name = "question '\(q.id)'"
        if q.options.count < minimumOptions || q.options.count > maximumOptions {
            found.append(.error("\(name) has \(q.options.count) options; give it \(minimumOptions) to \(maximumOptions)", at: q.location))
        }
        let correct = q.correctOptionIndices.count
        if q.kind == .single && correct != 1 {
            found.append(.error("\(name) is 'single' but has \(correct) correct options; mark exactly one 'correct: true' (or make it 'multiple')", at: q.location))
        }
        if q.kind == .multiple && correct < 2 {
            found.append(.error("\(name) is 'multiple' but has \(correct) correct option\(correct == 1 ? "" : "s"); mark at least two 'correct: true' (or make it 'single')", at: q.location))
        }
        if q.kind == .multiple && correct == q.options.count && !q.options.isEmpty {
            found.append(.warning("\(name) marks every option correct, so it tests nothing; add a wrong option", at: q.location))
        }
        var seen: [String: Int] = [:]
        for (index, option) in q.options.enumerated() {
            let letter = OptionLetters.letter(index)
            if option.why.isEmpty {
                found.append(.error("option \(letter) of \(name) has no 'why'; explain why it is \(option.correct ? "right" : "wrong")", at: option.location))
            }
            if let first = seen[option.text] {
                found.append(.error("options \(OptionLetters.letter(first)) and \(letter) of \(name) have the same text", at: option.location))
            } else {
                seen[option.text] = index
            }
        }
        if q.answer != nil || q.why != nil {
            found.append(.error("\(name) is '\(q.kind.rawValue)'; 'answer' and a question-level 'why' belong to do-it questions (use 'explanation' and each option's 'why')", at: q.location))
        }
        return found
    }

    private static func checkDoIt(_ q: Question) -> [Diagnostic] {
        var found: [Diagnostic] = []
        let name = "do-it question '\(q.id)'"
        if !q.options.isEmpty {
            found.append(.error("\(name) has 'options'; a do-it question is answered from the engine, so remove them and give 'answer'", at: q.location))
        }
        if let answer = q.answer {
            if answer.command.isEmpty {
                found.append(.error("\(name) has no 'answer.command'; give the command whose output holds the answer", at: answer.location))
            }
            if answer.query.isEmpty {
                found.append(.error("\(name) has no 'answer.query'; give the JMESPath query that picks the answer from the output", at: answer.location))
            }
        } else {
            found.append(.error("\(name) has no 'answer'; give 'answer.command' and 'answer.query'", at: q.location))
        }
        if (q.why ?? "").isEmpty {
            found.append(.error("\(name) has no 'why'; write the explanation shown after answering", at: q.location))
        }
        return found
    }
}
