#include "answer_gate.h"

#include "core/response_schema.h"
#include "handoff_memory.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ladder {

namespace {

// The body of the answer's only fenced block (```json ... ```) when the answer is nothing else.
QString unfenced(const QString &text)
{
    static const QRegularExpression fence(
        QStringLiteral("^\\s*```[A-Za-z0-9_-]*[ \\t]*\\n(.*)\\n\\s*```\\s*$"),
        QRegularExpression::DotMatchesEverythingOption);
    const QRegularExpressionMatch m = fence.match(text);
    return m.hasMatch() ? m.captured(1) : text;
}

// What a format-contract item asks for.
bool wantsJson(const QStringList &contract)
{
    static const QRegularExpression json(QStringLiteral("\\bjson\\b"),
                                         QRegularExpression::CaseInsensitiveOption);
    return std::any_of(contract.begin(), contract.end(),
                       [](const QString &item) { return json.match(item).hasMatch(); });
}

bool wantsFencedCode(const QStringList &contract)
{
    static const QRegularExpression fenced(QStringLiteral("(\\bfenced\\b|\\bcode block|```)"),
                                           QRegularExpression::CaseInsensitiveOption);
    return std::any_of(contract.begin(), contract.end(),
                       [](const QString &item) { return fenced.match(item).hasMatch(); });
}

// Sections a format-contract item names: "sections: Summary, Risks", "required headings: A; B",
// or a quoted markdown heading ("end with a \"## Next steps\" section").
QStringList contractSections(const QStringList &contract)
{
    static const QRegularExpression list(
        QStringLiteral("^\\s*(?:required\\s+)?(?:sections?|headings?)\\s*:\\s*(.+)$"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression heading(QStringLiteral("[\"“']#{1,6}\\s*([^\"”'#]+)[\"”']"));
    QStringList sections;
    for (const QString &item : contract) {
        if (const QRegularExpressionMatch m = list.match(item); m.hasMatch()) {
            static const QRegularExpression separator(QStringLiteral("[,;]"));
            for (const QString &name : m.captured(1).split(separator, Qt::SkipEmptyParts))
                sections.append(name.trimmed().remove(QLatin1Char('"')).remove(QLatin1Char('.')));
            continue;
        }
        for (auto it = heading.globalMatch(item); it.hasNext();)
            sections.append(it.next().captured(1).trimmed());
    }
    sections.removeAll(QString());
    return sections;
}

// Whether a line of the answer opens `section`: a markdown heading, a bold or numbered line, or
// "Section:" at the start of a line, case-insensitive.
bool hasSection(const QString &answer, const QString &section)
{
    static const QRegularExpression decoration(
        QStringLiteral("^[\\s#>*_]*(?:\\d+[.)]\\s*)?[\\s*_]*|[\\s*_:]*$"));
    const QString wanted = section.simplified();
    for (QString line : answer.split(QLatin1Char('\n'))) {
        line.remove(decoration);
        line = line.simplified();
        if (line.compare(wanted, Qt::CaseInsensitive) == 0)
            return true;
        if (line.startsWith(wanted, Qt::CaseInsensitive) && line.size() > wanted.size() &&
            (line.at(wanted.size()) == QLatin1Char(':') ||
             line.mid(wanted.size()).startsWith(QLatin1String("**:"))))
            return true;
    }
    return false;
}

// The answer as JSON, or the parse error.
QJsonDocument parseJson(const QString &text, QString *error)
{
    QJsonParseError parseError;
    const QJsonDocument doc =
        QJsonDocument::fromJson(unfenced(text).trimmed().toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        *error =
            QStringLiteral("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset);
    return doc;
}

} // namespace

QString GateVerdict::explain(PostSignal signal) const
{
    if (!(postMask & bit(signal)))
        return {};
    if (signal == PostSignal::EmptyAnswer)
        return emptyReason;
    if (signal == PostSignal::FormatViolation)
        return formatReason;
    return {};
}

bool isRefusalBoilerplate(const QString &text)
{
    const QString t = text.simplified();
    if (t.isEmpty() || t.size() > 200)
        return false;
    static const QRegularExpression refusal(
        QStringLiteral(
            "^(?:(?:i'?m|i am) sorry|sorry|i apologi[sz]e|unfortunately)?[,.!]?\\s*"
            "(?:but\\s+)?(?:as an ai[^,.]*,\\s*)?"
            "(?:i|we)\\s*(?:can(?:not|'t|’t| not)|won'?t|am unable|'m unable|am not able|"
            "'m not able|am not allowed|'m not allowed)\\s+(?:to\\s+)?"
            "(?:help|assist|provide|answer|do|comply|fulfil|fulfill|respond)\\b"
            "(?:(?!\\bbut\\b)[^.!?]){0,80}[.!?]?"
            "(?:\\s*(?:sorry|thanks?)[^.!?]{0,40}[.!?]?)?$"),
        QRegularExpression::CaseInsensitiveOption);
    return refusal.match(t).hasMatch();
}

GateVerdict checkAnswer(const QString &text, bool hasToolCalls, const Tier &tier,
                        const SignalSettings &settings, const QStringList &formatContract,
                        const QRegularExpression &confidencePattern)
{
    GateVerdict verdict;
    QString answer = text;
    HandoffMemory::parseScaffold(answer, &answer);
    answer.remove(confidencePattern);

    QString words = answer;
    if (!settings.refusalToken.isEmpty())
        words.remove(settings.refusalToken);
    if (!hasToolCalls) {
        if (words.trimmed().isEmpty()) {
            verdict.postMask |= bit(PostSignal::EmptyAnswer);
            verdict.emptyReason = answer.trimmed().isEmpty()
                                      ? QStringLiteral("empty answer (only whitespace)")
                                      : QStringLiteral("empty answer (only the refusal token)");
        } else if (isRefusalBoilerplate(words)) {
            verdict.postMask |= bit(PostSignal::EmptyAnswer);
            verdict.emptyReason = QStringLiteral("empty answer (only a refusal boilerplate)");
        }
    }
    if (verdict.postMask || hasToolCalls)
        return verdict; // an empty answer or a tool call has no format to check

    auto violate = [&verdict](const QString &why) {
        verdict.postMask |= bit(PostSignal::FormatViolation);
        verdict.formatReason = QStringLiteral("format violation: ") + why;
    };
    if (!tier.responseSchema.isEmpty()) {
        QString error;
        const QJsonDocument doc = parseJson(answer, &error);
        if (!error.isEmpty()) {
            violate(
                QStringLiteral("not JSON (%1), the tier's response_schema needs JSON").arg(error));
            return verdict;
        }
        const QJsonValue value = doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
        if (std::optional<SchemaProblem> p = schemaViolation(value, tier.responseSchema)) {
            violate(QStringLiteral("response_schema at \"%1\": %2")
                        .arg(p->path.isEmpty() ? QStringLiteral("/") : p->path, p->message));
            return verdict;
        }
    }
    if (wantsJson(formatContract)) {
        QString error;
        parseJson(answer, &error);
        if (!error.isEmpty()) {
            violate(QStringLiteral("not JSON (%1), the format contract asks for JSON").arg(error));
            return verdict;
        }
    }
    if (wantsFencedCode(formatContract) && !answer.contains(QLatin1String("```"))) {
        violate(QStringLiteral("no fenced code block, the format contract asks for one"));
        return verdict;
    }
    const QStringList fromContract = contractSections(formatContract);
    for (const QString &section : tier.requiredSections + fromContract) {
        if (!hasSection(answer, section)) {
            violate(
                QStringLiteral("required section \"%1\" is absent (%2)")
                    .arg(section.simplified(), tier.requiredSections.contains(section)
                                                   ? QStringLiteral("the tier's required_sections")
                                                   : QStringLiteral("the format contract")));
            return verdict;
        }
    }
    return verdict;
}

} // namespace ladder
