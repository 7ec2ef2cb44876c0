#pragma once

// Side by side: 2 to 4 chat sessions, each bound to a ladder (the open document, a template, or
// an "always <tier>" single-model baseline), all receiving the same user turns. Blind mode labels
// the columns A, B, ... in a shuffled order; the user's pick per turn is stored as a preference
// record and the ladders are revealed afterwards.

#include "chat/chatsessionmodel.h"
#include "document/ladderdocument.h"

#include <QObject>
#include <QQmlListProperty>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class AuditStore;
class CallCache;
class LadderDocument;

class CompareModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    // A list property (not QList<QObject *>): QML tooling knows its element type.
    Q_PROPERTY(
        QQmlListProperty<ladder::ChatSessionModel> columns READ columnList NOTIFY columnsChanged)
    Q_PROPERTY(int count READ count NOTIFY columnsChanged)
    Q_PROPERTY(bool blind READ blind WRITE setBlind NOTIFY blindChanged)
    Q_PROPERTY(bool revealed READ revealed NOTIFY blindChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(QString comparisonId READ comparisonId CONSTANT)
    Q_PROPERTY(QVariantList picks READ picks NOTIFY picksChanged)
    Q_PROPERTY(double timeScale READ timeScale WRITE setTimeScale NOTIFY timeScaleChanged)
    Q_PROPERTY(int runFromTurn READ runFromTurn NOTIFY columnsChanged)

public:
    static constexpr int kMaxColumns = 4;

    explicit CompareModel(QObject *parent = nullptr);
    ~CompareModel() override;

    void setAuditStore(AuditStore *store) { m_store = store; }
    void setResponseCache(CallCache *cache) { m_cache = cache; }
    // Blind picks also become preference cases in this set (preferencecases.h); empty: not kept.
    void setPreferenceSetPath(const QString &path) { m_preferenceSetPath = path; }
    // The providers every column's next session runs on (see ChatSessionModel::setProviders).
    void setProviders(std::shared_ptr<const ProviderConfig> config,
                      std::shared_ptr<const KeySource> keys = {});

    // The columns in display order (shuffled in blind mode).
    QList<QObject *> columns() const;
    QQmlListProperty<ChatSessionModel> columnList();
    int count() const { return int(m_columns.size()); }
    Q_INVOKABLE ladder::ChatSessionModel *column(int displayIndex) const;
    bool blind() const { return m_blind; }
    void setBlind(bool blind);
    bool revealed() const { return m_revealed; }
    bool busy() const;
    QString comparisonId() const { return m_comparisonId; }
    QVariantList picks() const;
    double timeScale() const { return m_timeScale; }
    void setTimeScale(double scale);
    void setShuffleSeed(quint64 seed) { m_shuffleSeed = seed; }

    bool addLadder(const Ladder &ladder, const QString &name = {});
    Q_INVOKABLE bool addDocument(ladder::LadderDocument *document);
    Q_INVOKABLE bool addTemplate(const QString &name);
    // "always <tier>": a one-tier ladder with the tier of `ladder` named `tierId`.
    static Ladder baselineLadder(const Ladder &ladder, const QString &tierId);
    // An example ladder by name (framing, step-down, ...); no tiers when there is none.
    static Ladder templateLadder(const QString &name);
    // A column to compare with `ladder`, named "baseline:TIER" (baselineLadder) or
    // "template:NAME" (templateLadder). No tiers when the tier or template is missing.
    static Ladder variantLadder(const Ladder &ladder, const QString &variant);
    // Whether `variant` has one of those two forms (what it names may still be missing).
    static bool isVariant(const QString &variant);
    // [{id, label, model, color}] of a document's tiers, the most expensive first.
    Q_INVOKABLE QVariantList tiersOf(ladder::LadderDocument *document) const;
    Q_INVOKABLE bool addBaseline(ladder::LadderDocument *document, const QString &tierId);
    // The default comparison of a ladder, the one rule for the Compare view and `--script`
    // runs: the ladder itself, then single-model baselines on its strongest and on its cheapest
    // tier ("baseline:TIER" variants; one when the ladder has one tier).
    static QStringList defaultVariants(const Ladder &ladder);
    // Replaces the columns by the document's default comparison; false without a ladder.
    Q_INVOKABLE bool addDefaultComparison(ladder::LadderDocument *document);
    Q_INVOKABLE void removeColumn(int displayIndex);
    Q_INVOKABLE void clearColumns();
    Q_INVOKABLE int send(const QString &text); // the number of columns that took the turn
    // "Run from here": two columns, `source`'s ladder as it ran and `variant` ("memory": the same
    // ladder with the memory as `source` has it now, put in before `turn`; "baseline:TIER";
    // "template:NAME"), both replaying `source`'s user turns, those before `turn` at once.
    Q_INVOKABLE bool runFrom(ladder::ChatSessionModel *source, int turn, const QString &variant);
    int runFromTurn() const { return m_runFromTurn; } // 0: not a "run from here" comparison
    Q_INVOKABLE void stop();
    Q_INVOKABLE void restart(); // new, empty sessions on the same ladders
    // Blind vote: the user preferred column `displayIndex` on `turn`.
    Q_INVOKABLE bool pick(int turn, int displayIndex);
    Q_INVOKABLE void reveal();
    Q_INVOKABLE QString blindLabel(int displayIndex) const;
    Q_INVOKABLE QString pickedLabel(int turn) const;

signals:
    void columnsChanged();
    void blindChanged();
    void busyChanged();
    void picksChanged();
    void timeScaleChanged();
    void allIdle();
    void statsChanged();

private:
    void shuffle();
    void relabel();

    QList<ChatSessionModel *> m_columns; // in the order they were added
    QList<int> m_order;                  // display index -> m_columns index
    QHash<int, QString> m_picks;         // turn -> chosen label
    QHash<int, QString> m_pickedLadder;  // turn -> the ladder behind it
    AuditStore *m_store = nullptr;
    CallCache *m_cache = nullptr;
    std::shared_ptr<const ProviderConfig> m_providers;
    std::shared_ptr<const KeySource> m_keys;
    QString m_comparisonId;
    QString m_preferenceSetPath;
    quint64 m_shuffleSeed = 0;
    double m_timeScale = 1.0;
    int m_runFromTurn = 0;
    bool m_blind = false;
    bool m_revealed = false;
};

} // namespace ladder
