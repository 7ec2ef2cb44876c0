#pragma once

// One chat with a ladder, as the Chat view and each Compare column show it: a list model of
// messages built from the session's events (user turns, streamed answers with their tier badge,
// escalation / fallback / handoff notices inline), running totals, the tier timeline and the
// handoff memory. Sessions run on the simulated provider, or on the providers of the active
// providers file (setProviders, from Settings), and are recorded in the audit store;
// a stored session can be reopened read-only from its events.

#include "chatmemorymodel.h"
#include "chattimelinemodel.h"
#include "core/ladder.h"
#include "document/ladderdocument.h"
#include "engine/events.h"

#include <QAbstractListModel>
#include <QElapsedTimer>
#include <QPointer>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace ladder {

class AuditStore;
class CallCache;
class AuditReader;
class LadderDocument;
class KeySource;
class RunRegistry;
class Session;
struct ProviderConfig;

class ChatSessionModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY titleChanged)
    Q_PROPERTY(QString label READ label WRITE setLabel NOTIFY labelChanged)
    Q_PROPERTY(QString ladderName READ ladderName NOTIFY ladderChanged)
    Q_PROPERTY(QVariantList tiers READ tiers NOTIFY ladderChanged)
    Q_PROPERTY(bool hasLadder READ hasLadder NOTIFY ladderChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY readOnlyChanged)
    Q_PROPERTY(QString sessionId READ sessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(QString activeTier READ activeTier NOTIFY activeTierChanged)
    Q_PROPERTY(QString manualTier READ manualTier WRITE setManualTier NOTIFY manualTierChanged)
    Q_PROPERTY(double timeScale READ timeScale WRITE setTimeScale NOTIFY timeScaleChanged)
    Q_PROPERTY(QVariantMap totals READ totals NOTIFY totalsChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    // Turns of this chat the audit store could not write (a damaged file, a full disk); empty
    // when everything is recorded. The chat view shows it in a banner.
    Q_PROPERTY(QString auditWarning READ auditWarning NOTIFY auditWarningChanged)
    Q_PROPERTY(int turnCount READ turnCount NOTIFY totalsChanged)
    // Qualified: qmllint resolves property types by their registered (namespaced) names.
    Q_PROPERTY(ladder::ChatTimelineModel *timeline READ timeline CONSTANT)
    Q_PROPERTY(ladder::ChatMemoryModel *memory READ memory CONSTANT)

public:
    enum Roles {
        KindRole = Qt::UserRole + 1, // "user", "assistant", "notice"
        TextRole,
        TurnRole,
        TierIdRole,
        TierLabelRole,
        TierColorRole,
        ModelRole,
        InputTokensRole,
        OutputTokensRole,
        CostRole,
        TtftRole,
        LatencyRole,
        StatusRole, // "pending", "streaming", "done", "failed", "cancelled"
        NoticeRole, // notices: "escalation", "fallback", "retry", "handoff"
        DetailRole, // discarded answer, tool call, injected memory, error message
        ErrorRole,
        CallsRole,
        EditableRole,
        CostKnownRole, // false: a model of the turn has no known price ("cost unknown")
    };
    Q_ENUM(Roles)

    struct Row {
        QString kind;
        QString text;
        int turn = 0;
        QString tierId;
        QString model;
        qint64 inputTokens = 0;
        qint64 outputTokens = 0;
        double cost = 0;
        bool costKnown = true;
        double ttft = 0;
        double latency = 0;
        QString status;
        QString notice;
        QString detail;
        QString error;
        int calls = 0;
    };

    explicit ChatSessionModel(QObject *parent = nullptr);
    ~ChatSessionModel() override;

    // The store new sessions are recorded in (none: not recorded).
    void setAuditStore(AuditStore *store) { m_store = store; }
    // The response cache for ladders that switch theirs on (none: every call asks the model).
    void setResponseCache(CallCache *cache) { m_cache = cache; }
    void setLadder(const Ladder &ladder); // starts a new, empty chat on this ladder
    const Ladder &ladder() const { return m_ladder; }
    Q_INVOKABLE void setLadderFrom(ladder::LadderDocument *document);
    Q_INVOKABLE bool setLadderFromTemplate(const QString &name);
    // Replays a stored session's events read-only. False with errorString set.
    bool openStored(AuditReader &reader, const QString &sessionId);

    QString title() const { return m_title; }
    void setTitle(const QString &title);
    QString label() const { return m_label; }
    void setLabel(const QString &label);
    QString ladderName() const { return m_ladder.name; }
    QVariantList tiers() const;
    bool hasLadder() const { return !m_ladder.tiers.isEmpty(); }
    bool busy() const;
    bool readOnly() const { return m_readOnly; }
    QString sessionId() const { return m_sessionId; }
    QString activeTier() const { return m_activeTier; }
    QString manualTier() const { return m_manualTier; }
    void setManualTier(const QString &tierId);
    double timeScale() const { return m_timeScale; }
    void setTimeScale(double scale);
    QVariantMap totals() const;
    QString errorString() const { return m_error; }
    QString auditWarning() const { return m_auditWarning; }
    // Reads the store's losses again (the Studio calls it when a write failed).
    void refreshAuditWarning();
    int turnCount() const { return m_turnCount; }
    ChatTimelineModel *timeline() const { return m_timeline; }
    ChatMemoryModel *memory() const { return m_memory; }
    Session *session() const { return m_session.get(); }
    void setSeed(quint64 seed) { m_seed = seed; }
    quint64 seed() const { return m_seed + quint64(m_branches); } // of the current session
    // FaultSchedule syntax ("rate_limited@2"), for scripted runs and tests.
    Q_INVOKABLE void setFaults(const QString &spec);
    // The providers new sessions run on (null: the simulated provider answers every id); the
    // running session keeps its own until the chat is cleared or branched. Null keys: the
    // environment, then the keychain.
    void setProviders(std::shared_ptr<const ProviderConfig> config,
                      std::shared_ptr<const KeySource> keys = {});
    const QList<Row> &rows() const { return m_rows; }

    // Sends a user turn (queued while a turn runs). The manual tier, when set, applies to it.
    Q_INVOKABLE bool send(const QString &text);
    Q_INVOKABLE void stop();
    Q_INVOKABLE void clear(); // a new chat on the same ladder
    // Re-answers the last turn in a new branch (a new session replaying the earlier turns).
    Q_INVOKABLE bool regenerate();
    // Replaces the user text of `turn` and answers it in a new branch.
    Q_INVOKABLE bool editAndResend(int turn, const QString &text);
    // Sends the user text of a failed turn again as a new turn.
    Q_INVOKABLE bool retry(int turn);
    // "Run from here": plays `turns` (user texts of turns 1, 2, ...) in a new session, those
    // before `fromTurn` at once and the rest at the model's pace. `memory`, when given, replaces
    // the handoff memory (as the user's version) just before `fromTurn` is sent.
    bool replay(const QStringList &turns, int fromTurn,
                const std::optional<MemoryContent> &memory = std::nullopt);
    Q_INVOKABLE QStringList userTurns() const; // the user texts of every turn, in order
    Q_INVOKABLE int rowOfTurn(int turn) const; // the user row of a turn, -1 when absent
    Q_INVOKABLE QString userTextOf(int turn) const;
    Q_INVOKABLE QString injectedMemoryAt(int turn) const;
    Q_INVOKABLE QVariantMap stats() const; // chart series, see the .cpp
    Q_INVOKABLE QString toMarkdown() const;
    Q_INVOKABLE QByteArray toJson() const;
    Q_INVOKABLE bool exportTo(const QString &pathOrUrl); // .md: Markdown, otherwise JSON
    Q_INVOKABLE void copyText(const QString &text) const;
    // The fenced code blocks of a Markdown text, for their "Copy" buttons.
    Q_INVOKABLE static QStringList codeBlocks(const QString &markdown);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void handleEvent(const Event &event); // public for replay and tests

signals:
    void titleChanged();
    void labelChanged();
    void ladderChanged();
    void busyChanged();
    void readOnlyChanged();
    void sessionIdChanged();
    void activeTierChanged();
    void manualTierChanged();
    void timeScaleChanged();
    void totalsChanged();
    void errorStringChanged();
    void auditWarningChanged();
    void turnFinished(int turn, bool ok);
    void idle(); // no turn running and nothing queued
    void statsChanged();

private:
    struct Pending {
        QString text;
        QString tier;
        double timeScale = -1;                     // -1: the model's scale
        std::optional<MemoryContent> memoryBefore; // put in before the turn is sent
    };
    void ensureSession();
    void resetRows();
    void startNext();
    void branch(int turn, const QString &text);
    void setError(const QString &error);
    void replaceMemory(const MemoryContent &content);
    void fallbackAnswered(int turn, int answerRow);
    void flushDeltas();
    void insertRow(int at, const Row &row);
    void changed(int row);
    int assistantRowOf(int turn) const;
    TimelineEntry &timelineEntry(int turn);
    void finishTurn(int turn, bool ok);
    QString tierLabel(const QString &id) const;
    QString tierColor(const QString &id) const;

    Ladder m_ladder;
    std::unique_ptr<RunRegistry> m_registry;
    std::shared_ptr<const ProviderConfig> m_providers;
    std::shared_ptr<const KeySource> m_keys;
    bool m_providersChanged = false; // applied to m_registry before the next session starts
    std::unique_ptr<Session> m_session;
    AuditStore *m_store = nullptr;
    QString m_auditWarning;
    CallCache *m_cache = nullptr;
    QList<Row> m_rows;
    QList<Pending> m_queue;
    QHash<int, TimelineEntry> m_turnInfo;
    QHash<int, QString> m_injected; // turn -> memory block injected at its handoff
    ChatTimelineModel *m_timeline;
    ChatMemoryModel *m_memory;
    QString m_title;
    QString m_label;
    QString m_sessionId;
    QString m_activeTier;
    QString m_manualTier;
    QString m_error;
    QString m_faults;
    QString m_pendingDelta;
    int m_deltaRow = -1;
    QTimer m_deltaTimer;
    double m_timeScale = 1.0;
    quint64 m_seed = 0;
    int m_branches = 0;
    int m_turnCount = 0;
    bool m_readOnly = false;
    bool m_running = false;
};

} // namespace ladder
