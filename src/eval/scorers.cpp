#include "scorers.h"

#include "core/response_schema.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>

namespace ladder::eval {

QString normaliseAnswer(const QString &text)
{
    QString out;
    out.reserve(text.size());
    bool space = false;
    for (const QChar c : text) {
        if (c.isLetterOrNumber()) {
            if (space && !out.isEmpty())
                out += QLatin1Char(' ');
            out += c.toLower();
            space = false;
        } else if (c.isSpace() || c.isPunct() || c.isSymbol()) {
            space = true;
        }
    }
    return out;
}

std::optional<double> lastNumber(const QString &text)
{
    static const QRegularExpression number(
        QStringLiteral("-?\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|-?\\d+(?:\\.\\d+)?|-?\\.\\d+"));
    QRegularExpressionMatchIterator it = number.globalMatch(text);
    QString last;
    while (it.hasNext())
        last = it.next().captured(0);
    if (last.isEmpty())
        return std::nullopt;
    last.remove(QLatin1Char(','));
    bool ok = false;
    const double v = last.toDouble(&ok);
    return ok ? std::optional<double>(v) : std::nullopt;
}

std::optional<QJsonValue> extractJson(const QString &text)
{
    static const QRegularExpression fenced(QStringLiteral("```(?:json)?\\s*\\n([\\s\\S]*?)```"));
    QString candidate;
    const QRegularExpressionMatch m = fenced.match(text);
    if (m.hasMatch()) {
        candidate = m.captured(1);
    } else {
        const qsizetype brace = text.indexOf(QLatin1Char('{'));
        const qsizetype bracket = text.indexOf(QLatin1Char('['));
        qsizetype start = brace < 0 ? bracket : bracket < 0 ? brace : std::min(brace, bracket);
        if (start < 0)
            return std::nullopt;
        const QChar close =
            text.at(start) == QLatin1Char('{') ? QLatin1Char('}') : QLatin1Char(']');
        const qsizetype end = text.lastIndexOf(close);
        if (end <= start)
            return std::nullopt;
        candidate = text.mid(start, end - start + 1);
    }
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(candidate.toUtf8(), &error);
    if (error.error != QJsonParseError::NoError)
        return std::nullopt;
    return doc.isArray() ? QJsonValue(doc.array()) : QJsonValue(doc.object());
}

bool isJudged(const EvalCase &c, int turn)
{
    return c.expect.scorer == QLatin1String("judge") && turn == c.userTurns.size() - 1;
}

namespace {

Score passFail(bool pass, const QString &detail)
{
    return Score{pass ? 1.0 : 0.0, pass, detail};
}

Score byLabel(const EvalCase &c, int turn, const QString &answerer, LabelKind labels)
{
    const auto it = c.answers.constFind(answerer);
    if (it == c.answers.constEnd() || turn >= it->size())
        return Score{std::nullopt, false, QStringLiteral("no recorded label for %1").arg(answerer)};
    const RecordedAnswer &a = it->at(turn);
    if (labels == LabelKind::Score && a.score)
        return Score{*a.score, *a.score >= 7.0,
                     QStringLiteral("recorded judge score %1").arg(*a.score)};
    if (a.correct)
        return passFail(*a.correct, *a.correct ? QStringLiteral("recorded as right")
                                               : QStringLiteral("recorded as wrong"));
    if (a.score)
        return Score{*a.score, false, QStringLiteral("recorded score %1").arg(*a.score)};
    return Score{std::nullopt, false, QStringLiteral("the recorded judgment failed")};
}

} // namespace

Score scoreAnswer(const EvalCase &c, int turn, const QString &answerer, const QString &answer,
                  LabelKind labels)
{
    const Expectation &e = c.expect;
    const bool last = turn == c.userTurns.size() - 1;
    if (e.scorer.isEmpty() || e.scorer == QLatin1String("label") || !last)
        return byLabel(c, turn, answerer, labels);
    if (e.scorer == QLatin1String("exact"))
        return passFail(answer.trimmed() == e.value.trimmed(),
                        QStringLiteral("expected exactly \"%1\"").arg(e.value.left(80)));
    if (e.scorer == QLatin1String("normalised"))
        return passFail(normaliseAnswer(answer) == normaliseAnswer(e.value),
                        QStringLiteral("expected \"%1\" (normalised)").arg(e.value.left(80)));
    if (e.scorer == QLatin1String("contains"))
        return passFail(normaliseAnswer(answer).contains(normaliseAnswer(e.value)),
                        QStringLiteral("expected to contain \"%1\"").arg(e.value.left(80)));
    if (e.scorer == QLatin1String("last_number")) {
        const std::optional<double> got = lastNumber(answer);
        const std::optional<double> want = lastNumber(e.value);
        if (!want)
            return Score{std::nullopt, false, QStringLiteral("the expected value has no number")};
        if (!got)
            return passFail(false,
                            QStringLiteral("no number in the answer, expected %1").arg(*want));
        return passFail(qAbs(*got - *want) < 1e-6,
                        QStringLiteral("last number %1, expected %2").arg(*got).arg(*want));
    }
    if (e.scorer == QLatin1String("regex")) {
        const QRegularExpression re(e.pattern, QRegularExpression::CaseInsensitiveOption);
        if (!re.isValid())
            return Score{std::nullopt, false,
                         QStringLiteral("invalid pattern: %1").arg(re.errorString())};
        return passFail(re.match(answer).hasMatch(),
                        QStringLiteral("pattern /%1/").arg(e.pattern.left(80)));
    }
    if (e.scorer == QLatin1String("json_schema")) {
        const std::optional<QJsonValue> json = extractJson(answer);
        if (!json)
            return passFail(false, QStringLiteral("no JSON in the answer"));
        const std::optional<SchemaProblem> p = schemaViolation(*json, e.schema);
        return passFail(!p, !p ? QStringLiteral("matches the schema")
                               : (p->path.isEmpty() ? QStringLiteral("/") : p->path) +
                                     QStringLiteral(": ") + p->message);
    }
    if (e.scorer == QLatin1String("preference"))
        return passFail(answerer == c.preferred,
                        QStringLiteral("the user preferred %1").arg(c.preferred));
    // judge: scored asynchronously by JudgeScorer
    return Score{std::nullopt, false, QStringLiteral("waiting for the judge")};
}

} // namespace ladder::eval
