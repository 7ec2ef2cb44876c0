#pragma once

// The handoff memory: the compact scaffold (goal, constraints, plan, format contract, ...) that
// is injected into the next tier's prompt whenever the tier changes. Versioned per turn, with the
// author of each version (a tier/model, or the user).

#include <QJsonObject>
#include <QList>
#include <QString>
#include <QStringList>

#include <array>
#include <optional>

namespace ladder {

enum class MemoryField {
    Goal,
    Constraints,
    NonGoals,
    Assumptions,
    Plan,
    FormatContract,
    Decisions,
    OpenQuestions,
    Unknowns,
};
inline constexpr int kMemoryFieldCount = 9;
QString toString(MemoryField field);                                  // "format_contract"
QString displayName(MemoryField field);                               // "Format contract"
std::optional<MemoryField> memoryFieldFromString(const QString &key); // lenient: "Non-goals"

struct MemoryContent {
    std::array<QStringList, kMemoryFieldCount> fields;

    QStringList &operator[](MemoryField f) { return fields[std::size_t(f)]; }
    const QStringList &operator[](MemoryField f) const { return fields[std::size_t(f)]; }
    bool isEmpty() const;
    QJsonObject toJson() const;
    static MemoryContent fromJson(const QJsonObject &o);
    bool operator==(const MemoryContent &) const = default;
};

struct MemoryVersion {
    int version = 0; // 1-based
    int turn = 0;    // the turn after which it was written (0: before the first turn)
    QString author;  // "strong/gpt-5.4", "user", ...
    MemoryContent content;
};

// Estimated tokens of a text: about 4 characters a token.
int estimateTokens(const QString &text);

class HandoffMemory
{
public:
    const MemoryContent &current() const;
    const QList<MemoryVersion> &versions() const { return m_versions; }
    int version() const { return int(m_versions.size()); }

    // Merges `update` into the current content (fields it provides replace the old ones) and
    // records a version when anything changed. Returns true when a version was added.
    bool merge(const MemoryContent &update, int turn, const QString &author);
    // Replaces one field (a user edit): a new version authored by `author`.
    bool setField(MemoryField field, const QStringList &items, int turn,
                  const QString &author = QStringLiteral("user"));

    // Replaces every version (a conversation restored from a snapshot).
    void restore(QList<MemoryVersion> versions) { m_versions = std::move(versions); }

    // The block injected into a prompt, trimmed to `budgetTokens` by field priority;
    // `keep` restricts the fields (empty: all). Empty when there is nothing to inject.
    QString render(int budgetTokens, const QStringList &keep = {}) const;

    // Parses the `<handoff> ... </handoff>` block a tier was asked to emit. `stripped` receives
    // the answer without the block.
    static std::optional<MemoryContent> parseScaffold(const QString &answer,
                                                      QString *stripped = nullptr);

private:
    QList<MemoryVersion> m_versions;
};

// Hides the `<handoff> ... </handoff>` block from an answer while it streams, as parseScaffold()
// strips it from the whole answer: feed() each delta and show what it returns. A tag split
// across deltas ("<hand" + "off>") is held back until the next delta says what it is.
class ScaffoldStreamFilter
{
public:
    QString feed(const QString &delta);
    // The end of the answer: the text held back that turned out not to be a tag.
    QString finish();
    void reset();

private:
    QString m_held;
    bool m_inside = false;
};

} // namespace ladder
