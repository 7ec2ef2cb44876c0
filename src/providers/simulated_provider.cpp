#include "simulated_provider.h"

#include "core/pricing.h"
#include "core/token_estimate.h"
#include "engine/handoff_memory.h"

#include <QHash>
#include <QJsonDocument>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTimer>

#include <algorithm>
#include <numeric>

namespace ladder {

namespace {

// Topics a cheap tier hands up, with the reason it gives.
struct HardTopic {
    const char *pattern;
    const char *reason;
};
constexpr HardTopic kHardTopics[] = {
    {R"(\bquantum\b|\brelativity\b|\bstring theory\b|\bhamiltonian\b)",
     "advanced physics requires deeper expertise"},
    {R"(\blegal\b|\blawsuit|\bliabilit|\bcontract law\b|\bGDPR\b|\bsue\b)",
     "legal questions need a careful, qualified answer"},
    {R"(\barchitecture review\b|\breview (the|our|my) architecture\b|\bsystem design\b)",
     "an architecture review needs deeper reasoning"},
    {R"(\bdiagnos|\bdosage\b|\bdose\b|\bmedication\b|\bsymptom)",
     "medical questions are high stakes"},
    {R"(\bsecurity audit\b|\bthreat model|\bcryptograph|\bexploit\b)",
     "security analysis is high stakes"},
    {R"(\bprove\b|\btheorem\b|\bproof\b)", "a formal proof needs a stronger model"},
};

constexpr const char *kUncertain =
    R"(\bestimate\b|\bforecast|\bpredict|\boptimi[sz]|\btrade-?offs?\b|\bwhy does\b|\bcompare\b)";

const QRegularExpression &regex(const char *pattern)
{
    static QHash<const char *, QRegularExpression> cache;
    auto it = cache.find(pattern);
    if (it == cache.end()) {
        QRegularExpression re(QString::fromUtf8(pattern),
                              QRegularExpression::CaseInsensitiveOption);
        re.optimize();
        it = cache.insert(pattern, re);
    }
    return *it;
}

const HardTopic *hardTopic(const QString &text)
{
    for (const HardTopic &t : kHardTopics) {
        if (regex(t.pattern).match(text).hasMatch())
            return &t;
    }
    return nullptr;
}

quint64 seedFor(const ChatRequest &r)
{
    return r.seed ^ (quint64(qHash(r.model)) << 16) ^ (quint64(r.turn) * 0x9E3779B97F4A7C15ull) ^
           quint64(r.attempt);
}

qint64 estimateRequestTokens(const ChatRequest &r)
{
    qint64 chars = 0;
    for (const ChatMessage &m : r.messages)
        chars += m.content.size() + 8;
    for (const ToolSpec &t : r.tools)
        chars += t.name.size() + t.description.size() + 120;
    return estimateTokens(chars);
}

QString firstSentence(const QString &text, int maxChars)
{
    static const QRegularExpression sentenceEnd(QStringLiteral("[.?!](\\s|$)"));
    QString s = text.simplified();
    const qsizetype end = s.indexOf(sentenceEnd);
    if (end > 0)
        s = s.left(end);
    if (s.size() > maxChars)
        s = s.left(maxChars).trimmed() + QStringLiteral("…");
    return s;
}

QStringList userTexts(const ChatRequest &r)
{
    QStringList out;
    for (const ChatMessage &m : r.messages) {
        if (m.role == ChatMessage::Role::User)
            out.append(m.content);
    }
    return out;
}

QString systemText(const ChatRequest &r)
{
    return !r.messages.isEmpty() && r.messages.first().role == ChatMessage::Role::System
               ? r.messages.first().content
               : QString();
}

enum class Format { Prose, Bullets, Numbered, Table };

Format formatFrom(const QString &contract)
{
    if (contract.contains(QLatin1String("table"), Qt::CaseInsensitive))
        return Format::Table;
    if (contract.contains(QLatin1String("numbered"), Qt::CaseInsensitive))
        return Format::Numbered;
    if (contract.contains(QLatin1String("bullet"), Qt::CaseInsensitive))
        return Format::Bullets;
    return Format::Prose;
}

QString formatContractOf(const QString &system, const QString &user)
{
    static const QRegularExpression line(QStringLiteral("^Format contract:\\s*(.+)$"),
                                         QRegularExpression::MultilineOption);
    const QRegularExpressionMatch m = line.match(system);
    if (m.hasMatch())
        return m.captured(1);
    if (formatFrom(user) != Format::Prose)
        return user;
    return {};
}

const char *const kPoints[] = {
    "start from the goal and the constraints already agreed",
    "keep the change small and verifiable",
    "name every assumption so it can be checked",
    "handle the edge cases explicitly",
    "prefer the standard library where it is enough",
    "test the behaviour before polishing the output",
    "write down the decision and why it was taken",
    "ask for missing inputs rather than guessing",
    "keep the output in the agreed format",
    "measure before optimising",
    "list what is out of scope",
    "check the result against the plan",
};

// What the user asked for decides the shape of a simulated answer.
enum class Ask { Question, Code, Task };

Ask askOf(const QString &user)
{
    static const QRegularExpression code(
        QStringLiteral("\\b(write|implement|fix|refactor|add)\\b.*\\b(function|code|script|"
                       "class|flag|test|parser|method|module)\\b"),
        QRegularExpression::CaseInsensitiveOption);
    if (code.match(user).hasMatch())
        return Ask::Code;
    if (user.trimmed().endsWith(QLatin1Char('?')) && user.split(QLatin1Char(' ')).size() <= 14)
        return Ask::Question;
    return Ask::Task;
}

QString codeSketch(const QString &user, QRandomGenerator &rng)
{
    static const QRegularExpression word(QStringLiteral("[A-Za-z]{4,}"));
    QStringList words;
    auto it = word.globalMatch(user);
    while (it.hasNext() && words.size() < 3)
        words << it.next().captured(0).toLower();
    const QString name = words.isEmpty() ? QStringLiteral("solve") : words.join(QLatin1Char('_'));
    return QStringLiteral("```python\ndef %1(value):\n    \"\"\"Simulated sketch (seed %2): a real "
                          "model writes the actual code.\"\"\"\n    raise NotImplementedError\n"
                          "```\n\n")
        .arg(name)
        .arg(rng.bounded(1000));
}

QString body(Format format, int points, QRandomGenerator &rng)
{
    QList<int> order(std::size(kPoints));
    std::iota(order.begin(), order.end(), 0);
    std::shuffle(order.begin(), order.end(), rng);
    QString out;
    switch (format) {
    case Format::Table:
        out += QStringLiteral("| Step | Action |\n|---|---|\n");
        for (int i = 0; i < points; ++i)
            out += QStringLiteral("| %1 | %2 |\n").arg(i + 1).arg(QLatin1String(kPoints[order[i]]));
        break;
    case Format::Numbered:
    case Format::Bullets:
        for (int i = 0; i < points; ++i) {
            out += format == Format::Numbered ? QStringLiteral("%1. ").arg(i + 1)
                                              : QStringLiteral("- ");
            out += QString::fromLatin1(kPoints[order[i]]) + QLatin1Char('\n');
        }
        break;
    case Format::Prose:
        out += QStringLiteral("I would ");
        for (int i = 0; i < points; ++i) {
            out += QLatin1String(kPoints[order[i]]);
            out += i + 1 < points
                       ? (i + 2 < points ? QStringLiteral(", ") : QStringLiteral(" and "))
                       : QStringLiteral(".");
        }
        out += QLatin1Char('\n');
        break;
    }
    return out;
}

QString scaffold(const QStringList &users, const QString &format)
{
    static const QRegularExpression constraint(
        QStringLiteral("[^.!?]*\\b(must|should|only|never|without|at most|no more than)\\b[^.!?]*"),
        QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression nonGoal(
        QStringLiteral("[^.!?]*\\b(don't|do not|not needed|out of scope|no need)\\b[^.!?]*"),
        QRegularExpression::CaseInsensitiveOption);
    QStringList constraints;
    QStringList nonGoals;
    for (const QString &u : users) {
        auto it = constraint.globalMatch(u);
        while (it.hasNext())
            constraints.append(it.next().captured(0).trimmed());
        auto nt = nonGoal.globalMatch(u);
        while (nt.hasNext())
            nonGoals.append(nt.next().captured(0).trimmed());
    }
    QString out = QStringLiteral("\n<handoff>\ngoal: %1\n").arg(firstSentence(users.value(0), 160));
    out += QStringLiteral("constraints:\n");
    for (const QString &c :
         constraints.isEmpty() ? QStringList{QStringLiteral("none stated yet")} : constraints)
        out += QStringLiteral("- %1\n").arg(c);
    if (!nonGoals.isEmpty()) {
        out += QStringLiteral("non_goals:\n");
        for (const QString &n : nonGoals)
            out += QStringLiteral("- %1\n").arg(n);
    }
    out += QStringLiteral("assumptions:\n- the user wants a working result before polish\n");
    out += QStringLiteral("plan:\n- frame the problem\n- build the smallest working version\n"
                          "- extend it step by step\n");
    out += QStringLiteral("format_contract: %1\n")
               .arg(format.isEmpty() ? QStringLiteral("Markdown: short sections, bullet lists, "
                                                      "code in fenced blocks")
                                     : firstSentence(format, 120));
    out += QStringLiteral("decisions:\n- %1\n").arg(firstSentence(users.constLast(), 100));
    out += QStringLiteral("open_questions:\n- which edge cases matter most to the user\n");
    out += QStringLiteral("unknowns:\n- the size of the real input data\n</handoff>\n");
    return out;
}

class SimulatedCall : public ProviderCall
{
public:
    SimulatedCall(ChatResult result, double timeScale, QObject *parent)
        : ProviderCall(parent)
        , m_final(std::move(result))
        , m_timeScale(timeScale)
    {
        if (m_timeScale <= 0) {
            // Nothing to pace: the whole answer is one delta.
            if (!m_final.text.isEmpty())
                m_chunks.append(m_final.text);
            QMetaObject::invokeMethod(
                this, [this] { finishNow(); }, Qt::QueuedConnection);
            return;
        }
        // Stream in pieces of a few words, as a real model does.
        static const QRegularExpression piece(QStringLiteral("\\S+\\s*|\\s+"));
        QString chunk;
        int words = 0;
        auto it = piece.globalMatch(m_final.text);
        while (it.hasNext()) {
            chunk += it.next().captured(0);
            if (++words == 3) {
                m_chunks.append(chunk);
                chunk.clear();
                words = 0;
            }
        }
        if (!chunk.isEmpty())
            m_chunks.append(chunk);
        if (m_timeScale <= 0) {
            QMetaObject::invokeMethod(
                this, [this] { finishNow(); }, Qt::QueuedConnection);
            return;
        }
        m_timer.setSingleShot(true);
        connect(&m_timer, &QTimer::timeout, this, [this] { step(); });
        m_timer.start(int(m_final.ttftMs * m_timeScale));
    }

    void cancel() override
    {
        if (m_done)
            return;
        m_timer.stop();
        m_done = true;
        m_result = m_final;
        m_result.text = m_sent;
        m_result.toolCalls.clear();
        m_result.error = ProviderError{FailureKind::Cancelled, QStringLiteral("cancelled"), 0, -1};
        emit finished();
        deleteLater();
    }

private:
    void step()
    {
        if (m_next < m_chunks.size()) {
            m_sent += m_chunks[m_next];
            emit delta(m_chunks[m_next++]);
        }
        if (m_next >= m_chunks.size()) {
            finishNow();
            return;
        }
        const double streamMs = std::max(0.0, m_final.latencyMs - m_final.ttftMs);
        m_timer.start(int(streamMs / double(m_chunks.size()) * m_timeScale));
    }

    void finishNow()
    {
        if (m_done)
            return;
        for (; m_next < m_chunks.size(); ++m_next)
            emit delta(m_chunks[m_next]);
        m_done = true;
        m_result = m_final;
        emit finished();
        deleteLater();
    }

    ChatResult m_final;
    double m_timeScale;
    QStringList m_chunks;
    qsizetype m_next = 0;
    QString m_sent;
    QTimer m_timer;
    bool m_done = false;
};

} // namespace

SimulatedProvider::SimulatedProvider(QObject *parent)
    : Provider(parent)
{}

SimulatedProfile SimulatedProvider::profileFor(const QString &model)
{
    const std::optional<ModelPrice> price = PricingTable::builtin().price(model);
    const double output = price ? price->outputPerMTok : 4.0;
    if (output >= 10.0)
        return {QStringLiteral("strong"), 850, 60, 220};
    if (output >= 2.0)
        return {QStringLiteral("mid"), 450, 110, 150};
    return {QStringLiteral("light"), 240, 180, 100};
}

namespace {

// A listener's classification: the label whose usual words appear in the message; the last
// label (the default) otherwise.
QString classify(const QString &system, const QString &user)
{
    static const QRegularExpression list(QStringLiteral("nothing else: (.+)$"),
                                         QRegularExpression::MultilineOption);
    const QStringList labels =
        list.match(system).captured(1).split(QStringLiteral(", "), Qt::SkipEmptyParts);
    static const QList<QPair<QString, QRegularExpression>> words = [] {
        QList<QPair<QString, QRegularExpression>> w;
        auto add = [&w](const char *label, const char *pattern) {
            w.append({QString::fromLatin1(label),
                      QRegularExpression(QString::fromLatin1(pattern),
                                         QRegularExpression::CaseInsensitiveOption)});
        };
        add("code", R"(\b(code|function|bug|compil\w*|python|sql|script|class|regex)\b)");
        add("writing", R"(\b(essay|e-?mail|poem|story|rewrite|blog|letter)\b)");
        add("title", R"(\b(title|headline)\b)");
        add("classify", R"(\b(classif\w*|sentiment|categor\w*)\b)");
        add("extract", R"(\b(extract|json|parse)\b)");
        add("narrative", R"(\b(narrat\w*|summar\w*|describe)\b)");
        return w;
    }();
    for (const auto &[label, re] : words) {
        if (labels.contains(label) && re.match(user).hasMatch())
            return label;
    }
    return labels.isEmpty() ? QString() : labels.constLast();
}

} // namespace

ChatResult SimulatedProvider::compose(const ChatRequest &request)
{
    const SimulatedProfile profile = profileFor(request.model);
    QRandomGenerator rng(quint32(seedFor(request)) ^ quint32(seedFor(request) >> 32));
    const QStringList users = userTexts(request);
    const QString user = users.value(users.size() - 1);
    const QString system = systemText(request);
    const HardTopic *hard = hardTopic(user);
    const bool strong = profile.name == QLatin1String("strong");
    const bool offeredEscalate =
        std::any_of(request.tools.begin(), request.tools.end(),
                    [](const ToolSpec &t) { return t.name == QLatin1String(kEscalateToolName); });
    static const QRegularExpression refusalToken(QStringLiteral("\\[\\[[A-Z_]+\\]\\]"));
    const QRegularExpressionMatch refusal = refusalToken.match(system);

    ChatResult result;
    result.simulated = true;
    result.finishReason = QStringLiteral("stop");
    if (system.contains(QLatin1String("Classify the user's message"))) {
        result.text = classify(system, user);
        result.usage.inputTokens = estimateRequestTokens(request);
        result.usage.outputTokens = 2;
        result.ttftMs = profile.ttftMs * (0.85 + 0.3 * rng.generateDouble());
        result.latencyMs = result.ttftMs + 1000.0 * 2 / profile.tokensPerSecond;
        return result;
    }
    const QString header =
        QStringLiteral("*[simulated %1 · %2 profile]* ").arg(request.model, profile.name);
    if (hard && offeredEscalate && !strong) {
        result.toolCalls.append(
            {QStringLiteral("call_sim_%1_%2").arg(request.turn).arg(request.attempt),
             QString::fromLatin1(kEscalateToolName),
             QJsonObject{{QStringLiteral("reason"), QString::fromLatin1(hard->reason)},
                         {QStringLiteral("question"), firstSentence(user, 200)}}});
        result.finishReason = QStringLiteral("tool_calls");
    } else if (hard && refusal.hasMatch() && !strong) {
        result.text = header + refusal.captured(0) +
                      QStringLiteral(" This is outside what this tier should handle (%1).")
                          .arg(QLatin1String(hard->reason));
    } else {
        const QString contract = formatContractOf(system, user);
        const int points = std::clamp(int(profile.answerTokens / 30 + rng.bounded(3)), 2, 9);
        result.text = header + QStringLiteral("**%1**\n\n").arg(firstSentence(user, 90));
        switch (askOf(user)) {
        case Ask::Question:
            result.text += QStringLiteral("A direct answer to this question would stand here: "
                                          "the simulated provider does not know facts. Connect "
                                          "a real provider in Settings to get one.\n");
            break;
        case Ask::Code:
            result.text += codeSketch(user, rng) + body(formatFrom(contract), points / 2 + 1, rng);
            break;
        case Ask::Task:
            result.text += body(formatFrom(contract), points, rng);
            break;
        }
        const bool summarising = system.startsWith(QLatin1String("Summarise"));
        if ((strong || summarising) && system.contains(QLatin1String("<handoff>")))
            result.text += scaffold(users, contract);
        if (system.contains(QLatin1String("CONFIDENCE"))) {
            const bool uncertain = !strong && (hard || regex(kUncertain).match(user).hasMatch());
            const double confidence =
                uncertain ? 0.30 + 0.15 * rng.generateDouble() : 0.80 + 0.15 * rng.generateDouble();
            result.text += QStringLiteral("\nCONFIDENCE: %1\n").arg(confidence, 0, 'f', 2);
        }
    }

    result.usage.inputTokens = estimateRequestTokens(request);
    result.usage.outputTokens = estimateTokens(result.text) + 24 * result.toolCalls.size();
    result.ttftMs = profile.ttftMs * (0.85 + 0.3 * rng.generateDouble());
    result.latencyMs =
        result.ttftMs + 1000.0 * double(result.usage.outputTokens) / profile.tokensPerSecond;
    result.raw =
        QJsonObject{{QStringLiteral("profile"), profile.name}, {QStringLiteral("simulated"), true}};
    return result;
}

ChatResult SimulatedProvider::failure(const ChatRequest &request, FailureKind kind)
{
    ChatResult result;
    result.simulated = true;
    ProviderError error{kind, {}, 0, -1};
    const QString model = request.model;
    switch (kind) {
    case FailureKind::RateLimited:
        error = {kind, QStringLiteral("simulated 429: rate limit reached for %1").arg(model), 429,
                 30000};
        result.latencyMs = 120;
        break;
    case FailureKind::QuotaExhausted:
        error = {kind, QStringLiteral("simulated 429: quota exhausted for %1").arg(model), 429, -1};
        result.latencyMs = 110;
        break;
    case FailureKind::Unavailable:
        error = {kind, QStringLiteral("simulated 503: %1 is overloaded").arg(model), 503, -1};
        result.latencyMs = 200;
        break;
    case FailureKind::Timeout:
        error = {kind,
                 QStringLiteral("simulated timeout: no first token from %1 in 10 s").arg(model), 0,
                 -1};
        result.latencyMs = 10000;
        break;
    case FailureKind::Truncated: {
        const ChatResult full = compose(request);
        result.text = full.text.left(full.text.size() / 2);
        result.usage = full.usage;
        result.usage.outputTokens = estimateTokens(result.text);
        result.usage.estimated = true;
        result.ttftMs = full.ttftMs;
        result.latencyMs = (full.ttftMs + full.latencyMs) / 2;
        error = {kind,
                 QStringLiteral("simulated stream from %1 ended before its final event").arg(model),
                 200, -1};
        break;
    }
    default:
        error = {kind, QStringLiteral("simulated %1 error from %2").arg(toString(kind), model), 0,
                 -1};
        result.latencyMs = 50;
        break;
    }
    result.error = error;
    return result;
}

ProviderCall *SimulatedProvider::start(const ChatRequest &request)
{
    const std::optional<FailureKind> fault = m_faults.faultFor(request.turn, request.attempt);
    ChatResult result = fault ? failure(request, *fault) : compose(request);
    if (fault && *fault != FailureKind::Truncated)
        result.text.clear();
    return new SimulatedCall(std::move(result), m_timeScale, this);
}

} // namespace ladder
