#pragma once

// The ladder document: the semantic model of a `ladder/1` file. Plain value types, QtCore only.
// docs/ladder-format.md describes the JSON; resources/schema/ladder-1.schema.json checks its shape.

#include "learned_model.h"

#include <QJsonObject>
#include <QList>
#include <QPointF>
#include <QString>
#include <QStringList>

#include <optional>

namespace ladder {

inline constexpr auto kFormatId = "ladder/1";

// Signals a detector or the user raises before a turn is answered.
enum class PreSignal {
    GoalChange,
    ConstraintConflict,
    MissingInfo,
    HighStakes,
    DeepDebugging,
    Classification, // a listener/classifier produced a label
    ManualPick,     // the user chose the tier for the next turn
    BudgetExceeded, // the conversation's (or session's) spend passed the ladder's budget
    NeedsStrong,    // a learned detector predicts the cheap tier's answer will not be good enough
};
inline constexpr int kPreSignalCount = 9;

// Signals read from an answer; they re-answer the SAME turn on the transition's target tier.
enum class PostSignal {
    EscalateTool,    // the model called escalate(reason, question)
    Refusal,         // the answer contains the ladder's refusal token
    LowConfidence,   // self-reported confidence below the transition's threshold
    EmptyAnswer,     // nothing but whitespace, or only a refusal boilerplate
    FormatViolation, // the answer breaks the tier's response_schema or the memory's format contract
    SelfCheckFailed, // the tier's self_check call scored the answer below its threshold
};
inline constexpr int kPostSignalCount = 6;

// Provider failures that walk a fallback chain (and, when it is exhausted, an on_failure edge).
enum class FailureKind {
    RateLimited,
    QuotaExhausted,
    Unavailable,
    Timeout,
    Auth,
    BadRequest,
    Network,
    Protocol,
    Truncated,
    Cancelled,
};
inline constexpr int kFailureKindCount = 10;

QString toString(PreSignal s);
QString toString(PostSignal s);
QString toString(FailureKind k);
std::optional<PreSignal> preSignalFromString(const QString &s);
std::optional<PostSignal> postSignalFromString(const QString &s);
std::optional<FailureKind> failureKindFromString(const QString &s);

struct ModelRef {
    QString provider; // empty in a fallback entry: same provider as the tier
    QString model;
    bool operator==(const ModelRef &) const = default;
};

struct TierParams {
    std::optional<double> temperature;
    std::optional<int> maxTokens;
    QJsonObject extra; // provider-specific parameters passed through untouched
    bool operator==(const TierParams &) const = default;
};

// An AutoMix-style verification call after the tier answers: a model is asked, few-shot,
// whether the answer is correct and complete and replies with a score in [0, 1]; below
// `threshold` the post-turn signal self_check_failed is raised.
struct SelfCheck {
    QString tier;  // the tier whose model checks (a listener); empty: `model`, or the tier's own
    QString model; // a model on the answering tier's provider; empty: the tier's own model
    double threshold = 0.5;
    QString prompt; // replaces the built-in few-shot instructions when set
    bool operator==(const SelfCheck &) const = default;
};

struct Tier {
    QString id;
    QString label;
    QString role; // "strong", "mid", "light", "listener", "worker", "reasoner" (free text)
    QString provider;
    QString model;
    TierParams params;
    QString systemPrompt;
    QList<ModelRef> fallback;  // tried in order when the primary model fails
    bool escalateTool = false; // offer escalate(reason, question) to this tier
    // A JSON Schema subset (type/required/properties/items/enum) the answer must satisfy;
    // empty means none. A violation raises the post-turn signal format_violation.
    QJsonObject responseSchema;
    // Sections (headings) the answer must contain; a missing one raises format_violation.
    QStringList requiredSections;
    std::optional<SelfCheck> selfCheck; // none: no verification call
    QString color;                      // "#rrggbb", shared by the editor and the chat timeline
    QString description;
    bool operator==(const Tier &) const = default;
};

struct Condition {
    enum class Type {
        AfterTurns,  // the source tier has answered `turns` turns since it was entered
        OnSignal,    // any of `preSignals` raised before the turn (labels for Classification)
        PostTurn,    // any of `postSignals` read from the answer; re-answers the same turn
        ReturnAfter, // after `turns` turns on an escalated tier, go back where we came from
        OnFailure,   // the tier's whole fallback chain failed with one of `failures`
    };
    Type type = Type::AfterTurns;
    int turns = 0;
    QList<PreSignal> preSignals;
    QStringList labels; // classification labels (OnSignal with Classification)
    QList<PostSignal> postSignals;
    double confidenceBelow = 0.5; // LowConfidence threshold
    QList<FailureKind> failures;
    // Take the transition only when the switch pays: the prompt-cache discount lost on the
    // conversation's prefix is smaller than what the target tier saves over `paysWithinTurns`
    // turns (0: always take it).
    int paysWithinTurns = 0;
    bool operator==(const Condition &) const = default;
};

QString toString(Condition::Type t);
std::optional<Condition::Type> conditionTypeFromString(const QString &s);

struct Transition {
    QString id;
    QString from; // a tier id, or "*" for any tier
    QString to;   // a tier id; for ReturnAfter empty means "the tier we escalated from"
    Condition condition;
    bool operator==(const Transition &) const = default;
};

struct Detector {
    enum class Kind {
        Lexicon,    // regular expressions (case-insensitive) raising `signal`
        Classifier, // labels with patterns; a `tier` (listener) classifies once a model is wired
        Learned,    // a trained text classifier raising `signal` when p >= `threshold`
    };
    QString id;
    Kind kind = Kind::Lexicon;
    PreSignal signal = PreSignal::HighStakes;
    QStringList patterns;                      // Lexicon
    QList<QPair<QString, QStringList>> labels; // Classifier: label -> patterns, in order
    QString defaultLabel;                      // Classifier: when no pattern matches
    QString tier;                              // Classifier: listener tier (model-based mode)
    double threshold = 0.5;                    // Learned: raise `signal` when p >= threshold
    std::optional<LearnedModel> model;         // Learned: none until trained (raises nothing)
    bool enabled = true;
    bool operator==(const Detector &) const = default;
};

struct MemoryPolicy {
    enum class Inject { OnSwitch, EveryTurn, Never };
    enum class Refresh { Scaffold, Summarize, None };
    Inject inject = Inject::OnSwitch;
    Refresh refresh = Refresh::Scaffold;
    int budgetTokens = 600;
    QStringList fields; // which memory fields to keep; empty means all
    bool operator==(const MemoryPolicy &) const = default;
};

struct HistoryPolicy {
    enum class Mode {
        Full,         // every earlier turn, including discarded escalated attempts
        CleanHandoff, // user turns and accepted answers only; each tier sees only its own prompt
        MemoryLastK,  // handoff memory plus the last k turns
    };
    Mode mode = Mode::CleanHandoff;
    int lastK = 4;
    bool operator==(const HistoryPolicy &) const = default;
};

struct SignalSettings {
    QString refusalToken = QStringLiteral("[[REFUSE]]");
    // A line like "CONFIDENCE: 0.42" at the end of an answer reports the model's confidence.
    QString confidencePattern = QStringLiteral("^\\s*CONFIDENCE:\\s*([0-9]*\\.?[0-9]+)\\s*$");
    bool operator==(const SignalSettings &) const = default;
};

// Repeated deterministic calls (temperature exactly 0: tiers that set it, summaries, listener
// classifications) are answered from the response cache. Off by default: a cached answer costs
// nothing but hides how the model answers today.
struct CachePolicy {
    bool enabled = false;
    bool operator==(const CachePolicy &) const = default;
};

// Spend limits for a conversation and for all conversations of a session (an app or CLI run).
// Past a limit, turns that would go above the cheapest tier step down to it, or the turn stops.
struct BudgetPolicy {
    enum class Action { StepDown, Stop };
    std::optional<double> conversationUsd;
    std::optional<double> sessionUsd;
    Action action = Action::StepDown;
    bool isSet() const { return conversationUsd || sessionUsd; }
    bool operator==(const BudgetPolicy &) const = default;
};

struct NodePosition {
    QString id; // tier, detector or "memory"/"entry" node id
    QPointF pos;
    bool operator==(const NodePosition &) const = default;
};

struct Ladder {
    QString format = QString::fromLatin1(kFormatId);
    QString name;
    QString description;
    QString entry; // tier id answering the first turn
    QList<Tier> tiers;
    QList<Transition> transitions;
    QList<Detector> detectors;
    MemoryPolicy memory;
    HistoryPolicy history;
    SignalSettings signalSettings;
    CachePolicy cache;
    BudgetPolicy budget;
    QList<NodePosition> layout; // editor only; never affects routing
    QJsonObject unknown;        // unknown top-level keys, kept for round trips

    const Tier *tier(const QString &id) const;
    int tierIndex(const QString &id) const;
    bool operator==(const Ladder &) const = default;
};

} // namespace ladder
