#include "laddernames.h"

#include "core/format_names.h"

#include <QCoreApplication>
#include <QHash>
#include <QVariantMap>

#include <iterator>

namespace ladder {

namespace {

// The words of one value: the inspector's `text` and the canvas's `label` (nullptr: the text).
// Each table keeps the translation contexts its strings had before they moved here, so existing
// translations stay valid.
template <typename Enum> struct Words {
    Enum value;
    const char *text;
    const char *label;
};

template <typename Enum, std::size_t N> struct WordTable {
    const char *textContext;
    const char *labelContext;
    Words<Enum> entries[N];

    const Words<Enum> *find(Enum value) const
    {
        for (const auto &entry : entries) {
            if (entry.value == value)
                return &entry;
        }
        return nullptr;
    }
    QString text(Enum value) const
    {
        const Words<Enum> *w = find(value);
        return w ? QCoreApplication::translate(textContext, w->text) : QString();
    }
    QString label(Enum value) const
    {
        const Words<Enum> *w = find(value);
        if (!w)
            return {};
        return w->label ? QCoreApplication::translate(labelContext, w->label) : text(value);
    }
};

constexpr WordTable<PreSignal, 9> kPreSignalWords{
    "Graph",
    "Graph",
    {
        {PreSignal::GoalChange, QT_TRANSLATE_NOOP("Graph", "goal change"), nullptr},
        {PreSignal::ConstraintConflict, QT_TRANSLATE_NOOP("Graph", "constraint conflict"), nullptr},
        {PreSignal::MissingInfo, QT_TRANSLATE_NOOP("Graph", "missing info"), nullptr},
        {PreSignal::HighStakes, QT_TRANSLATE_NOOP("Graph", "high stakes"), nullptr},
        {PreSignal::DeepDebugging, QT_TRANSLATE_NOOP("Graph", "deep debugging"), nullptr},
        {PreSignal::Classification, QT_TRANSLATE_NOOP("Graph", "classification"), nullptr},
        {PreSignal::ManualPick, QT_TRANSLATE_NOOP("Graph", "manual pick"), nullptr},
        {PreSignal::BudgetExceeded, QT_TRANSLATE_NOOP("Graph", "budget exceeded"), nullptr},
        {PreSignal::NeedsStrong, QT_TRANSLATE_NOOP("Graph", "needs strong"), nullptr},
    }};

constexpr WordTable<PostSignal, 6> kPostSignalWords{
    "Graph",
    "Graph",
    {
        {PostSignal::EscalateTool, QT_TRANSLATE_NOOP("Graph", "escalate tool"), nullptr},
        {PostSignal::Refusal, QT_TRANSLATE_NOOP("Graph", "refusal"), nullptr},
        {PostSignal::LowConfidence, QT_TRANSLATE_NOOP("Graph", "low confidence"), nullptr},
        {PostSignal::EmptyAnswer, QT_TRANSLATE_NOOP("Graph", "empty answer"), nullptr},
        {PostSignal::FormatViolation, QT_TRANSLATE_NOOP("Graph", "format violation"), nullptr},
        {PostSignal::SelfCheckFailed, QT_TRANSLATE_NOOP("Graph", "self-check failed"), nullptr},
    }};

constexpr WordTable<FailureKind, 10> kFailureWords{
    "Graph",
    "Graph",
    {
        {FailureKind::RateLimited, QT_TRANSLATE_NOOP("Graph", "rate limit"), nullptr},
        {FailureKind::QuotaExhausted, QT_TRANSLATE_NOOP("Graph", "quota exhausted"), nullptr},
        {FailureKind::Unavailable, QT_TRANSLATE_NOOP("Graph", "unavailable"), nullptr},
        {FailureKind::Timeout, QT_TRANSLATE_NOOP("Graph", "timeout"), nullptr},
        {FailureKind::Auth, QT_TRANSLATE_NOOP("Graph", "auth error"), nullptr},
        {FailureKind::BadRequest, QT_TRANSLATE_NOOP("Graph", "bad request"), nullptr},
        {FailureKind::Network, QT_TRANSLATE_NOOP("Graph", "network error"), nullptr},
        {FailureKind::Protocol, QT_TRANSLATE_NOOP("Graph", "protocol error"), nullptr},
        {FailureKind::Truncated, QT_TRANSLATE_NOOP("Graph", "truncated"), nullptr},
        {FailureKind::Cancelled, QT_TRANSLATE_NOOP("Graph", "cancelled"), nullptr},
    }};

constexpr WordTable<Condition::Type, 5> kConditionTypeWords{
    "TransitionInspector",
    nullptr,
    {
        {Condition::Type::AfterTurns,
         QT_TRANSLATE_NOOP("TransitionInspector", "After N turns (step down)"), nullptr},
        {Condition::Type::OnSignal,
         QT_TRANSLATE_NOOP("TransitionInspector", "On a signal before the turn"), nullptr},
        {Condition::Type::PostTurn,
         QT_TRANSLATE_NOOP("TransitionInspector", "After the answer (re-answer)"), nullptr},
        {Condition::Type::ReturnAfter,
         QT_TRANSLATE_NOOP("TransitionInspector", "Return after N turns"), nullptr},
        {Condition::Type::OnFailure,
         QT_TRANSLATE_NOOP("TransitionInspector", "On provider failure"), nullptr},
    }};

constexpr WordTable<Detector::Kind, 3> kDetectorKindWords{
    "DetectorInspector",
    nullptr,
    {
        {Detector::Kind::Lexicon,
         QT_TRANSLATE_NOOP("DetectorInspector", "Lexicon (patterns raise a signal)"), nullptr},
        {Detector::Kind::Classifier,
         QT_TRANSLATE_NOOP("DetectorInspector", "Classifier (labels by task type)"), nullptr},
        {Detector::Kind::Learned,
         QT_TRANSLATE_NOOP("DetectorInspector", "Learned (a trained model raises a signal)"),
         nullptr},
    }};

constexpr WordTable<MemoryPolicy::Inject, 3> kInjectWords{
    "MemoryInspector",
    "ladder::LadderDocument",
    {
        {MemoryPolicy::Inject::OnSwitch,
         QT_TRANSLATE_NOOP("MemoryInspector", "When the tier changes"),
         QT_TRANSLATE_NOOP("ladder::LadderDocument", "inject on switch")},
        {MemoryPolicy::Inject::EveryTurn, QT_TRANSLATE_NOOP("MemoryInspector", "Every turn"),
         QT_TRANSLATE_NOOP("ladder::LadderDocument", "inject every turn")},
        {MemoryPolicy::Inject::Never, QT_TRANSLATE_NOOP("MemoryInspector", "Never"),
         QT_TRANSLATE_NOOP("ladder::LadderDocument", "never injected")},
    }};

constexpr WordTable<MemoryPolicy::Refresh, 3> kRefreshWords{
    "MemoryInspector",
    "ladder::LadderDocument",
    {
        {MemoryPolicy::Refresh::Scaffold,
         QT_TRANSLATE_NOOP("MemoryInspector", "Scaffold (strong tiers emit a handoff block)"),
         QT_TRANSLATE_NOOP("ladder::LadderDocument", "scaffold")},
        {MemoryPolicy::Refresh::Summarize,
         QT_TRANSLATE_NOOP("MemoryInspector", "Summarize (a summarising call)"),
         QT_TRANSLATE_NOOP("ladder::LadderDocument", "summarize")},
        {MemoryPolicy::Refresh::None, QT_TRANSLATE_NOOP("MemoryInspector", "None"),
         QT_TRANSLATE_NOOP("ladder::LadderDocument", "no refresh")},
    }};

// MemoryLastK's label takes the number of kept turns as %1.
constexpr WordTable<HistoryPolicy::Mode, 3> kHistoryWords{
    "MemoryInspector",
    "ladder::LadderDocument",
    {
        {HistoryPolicy::Mode::Full, QT_TRANSLATE_NOOP("MemoryInspector", "Full history"),
         QT_TRANSLATE_NOOP("ladder::LadderDocument", "full")},
        {HistoryPolicy::Mode::CleanHandoff, QT_TRANSLATE_NOOP("MemoryInspector", "Clean handoff"),
         QT_TRANSLATE_NOOP("ladder::LadderDocument", "clean handoff")},
        {HistoryPolicy::Mode::MemoryLastK,
         QT_TRANSLATE_NOOP("MemoryInspector", "Memory + last k turns"),
         QT_TRANSLATE_NOOP("ladder::LadderDocument", "memory + last %1")},
    }};

// In the order of core's kMemoryFieldNames (the engine's MemoryField order).
constexpr const char *kMemoryFieldWords[] = {
    QT_TRANSLATE_NOOP("ladder::ChatMemoryModel", "Goal"),
    QT_TRANSLATE_NOOP("ladder::ChatMemoryModel", "Constraints"),
    QT_TRANSLATE_NOOP("ladder::ChatMemoryModel", "Non-goals"),
    QT_TRANSLATE_NOOP("ladder::ChatMemoryModel", "Assumptions"),
    QT_TRANSLATE_NOOP("ladder::ChatMemoryModel", "Plan"),
    QT_TRANSLATE_NOOP("ladder::ChatMemoryModel", "Format contract"),
    QT_TRANSLATE_NOOP("ladder::ChatMemoryModel", "Decisions"),
    QT_TRANSLATE_NOOP("ladder::ChatMemoryModel", "Open questions"),
    QT_TRANSLATE_NOOP("ladder::ChatMemoryModel", "Unknowns"),
};
static_assert(std::size(kMemoryFieldWords) == std::size(kMemoryFieldNames));

constexpr const char *kSwatches[] = {"#7c4dff", "#00897b", "#f4511e", "#1e88e5", "#c0ca33",
                                     "#8e24aa", "#6d4c41", "#039be5", "#e53935", "#43a047"};
static_assert(std::size(kSwatches) >= kHandedOutSwatches);

QVariantMap option(const QString &name, const QString &text, const QString &label)
{
    return {{QStringLiteral("name"), name},
            {QStringLiteral("text"), text.isEmpty() ? name : text},
            {QStringLiteral("label"), label.isEmpty() ? name : label}};
}

// One entry per spelling of `names`, in the format's order, with its words.
// Spellings without words go to `unworded` (and show their spelling).
template <typename Enum, std::size_t N, std::size_t M>
QVariantList optionsOf(const EnumName<Enum> (&names)[N], const WordTable<Enum, M> &words,
                       QStringList *unworded = nullptr)
{
    QVariantList out;
    for (const auto &entry : names) {
        const QString name = QString::fromLatin1(entry.name);
        if (unworded && !words.find(entry.value))
            unworded->append(name);
        out.append(option(name, words.text(entry.value), words.label(entry.value)));
    }
    return out;
}

} // namespace

QString signalLabel(PreSignal s)
{
    return kPreSignalWords.label(s);
}

QString signalLabel(PostSignal s)
{
    return kPostSignalWords.label(s);
}

QString failureLabel(FailureKind k)
{
    return kFailureWords.label(k);
}

QString injectLabel(MemoryPolicy::Inject inject)
{
    return kInjectWords.label(inject);
}

QString refreshLabel(MemoryPolicy::Refresh refresh)
{
    return kRefreshWords.label(refresh);
}

QString historyLabel(const HistoryPolicy &history)
{
    const QString label = kHistoryWords.label(history.mode);
    return history.mode == HistoryPolicy::Mode::MemoryLastK ? label.arg(history.lastK) : label;
}

QString memoryFieldText(int field)
{
    if (field < 0 || field >= int(std::size(kMemoryFieldWords)))
        return {};
    return QCoreApplication::translate("ladder::ChatMemoryModel", kMemoryFieldWords[field]);
}

QStringList tierSwatches()
{
    return nameList(kSwatches);
}

QString handedOutTierColor(qsizetype index)
{
    return QString::fromLatin1(kSwatches[index % kHandedOutSwatches]);
}

QVariantList LadderNames::conditionTypes()
{
    return optionsOf(kConditionTypeNames, kConditionTypeWords);
}

QVariantList LadderNames::preSignals()
{
    return optionsOf(kPreSignalNames, kPreSignalWords);
}

QVariantList LadderNames::postSignals()
{
    return optionsOf(kPostSignalNames, kPostSignalWords);
}

// Only those an on_failure edge may list (not `cancelled`).
QVariantList LadderNames::failureKinds()
{
    QVariantList out;
    for (const auto &entry : kFailureKindNames) {
        if (isEdgeFailureKind(entry.value))
            out.append(option(QString::fromLatin1(entry.name), kFailureWords.text(entry.value),
                              kFailureWords.label(entry.value)));
    }
    return out;
}

QVariantList LadderNames::detectorKinds()
{
    return optionsOf(kDetectorKindNames, kDetectorKindWords);
}

QVariantList LadderNames::memoryInjects()
{
    return optionsOf(kInjectNames, kInjectWords);
}

QVariantList LadderNames::memoryRefreshes()
{
    return optionsOf(kRefreshNames, kRefreshWords);
}

QVariantList LadderNames::historyModes()
{
    return optionsOf(kHistoryModeNames, kHistoryWords);
}

QVariantList LadderNames::memoryFields()
{
    QVariantList out;
    for (int i = 0; i < int(std::size(kMemoryFieldNames)); ++i) {
        const QString text = memoryFieldText(i);
        out.append(option(QString::fromLatin1(kMemoryFieldNames[i]), text, text));
    }
    return out;
}

QStringList LadderNames::tierRoles()
{
    return nameList(kTierRoleSuggestions);
}

QVariantList LadderNames::options(const QString &list)
{
    static const QHash<QString, QVariantList (*)()> lists = {
        {QStringLiteral("conditionTypes"), &LadderNames::conditionTypes},
        {QStringLiteral("preSignals"), &LadderNames::preSignals},
        {QStringLiteral("postSignals"), &LadderNames::postSignals},
        {QStringLiteral("failureKinds"), &LadderNames::failureKinds},
        {QStringLiteral("detectorKinds"), &LadderNames::detectorKinds},
        {QStringLiteral("memoryInjects"), &LadderNames::memoryInjects},
        {QStringLiteral("memoryRefreshes"), &LadderNames::memoryRefreshes},
        {QStringLiteral("historyModes"), &LadderNames::historyModes},
        {QStringLiteral("memoryFields"), &LadderNames::memoryFields},
    };
    const auto make = lists.value(list);
    return make ? make() : QVariantList();
}

QStringList LadderNames::unworded()
{
    QStringList missing;
    optionsOf(kConditionTypeNames, kConditionTypeWords, &missing);
    optionsOf(kPreSignalNames, kPreSignalWords, &missing);
    optionsOf(kPostSignalNames, kPostSignalWords, &missing);
    optionsOf(kFailureKindNames, kFailureWords, &missing);
    optionsOf(kDetectorKindNames, kDetectorKindWords, &missing);
    optionsOf(kInjectNames, kInjectWords, &missing);
    optionsOf(kRefreshNames, kRefreshWords, &missing);
    optionsOf(kHistoryModeNames, kHistoryWords, &missing);
    return missing;
}

int LadderNames::indexOf(const QVariantList &options, const QString &name)
{
    for (qsizetype i = 0; i < options.size(); ++i) {
        if (options[i].toMap().value(QStringLiteral("name")).toString() == name)
            return int(i);
    }
    return -1;
}

} // namespace ladder
