#pragma once

// One chat with a ladder, as the Chat view and each Compare column show it: the session's
// lifecycle (a new chat, the queue of user turns, branches, replays, a stored session reopened
// read-only) over the messages its events build (ChatMessageModel), with the handoff memory.
// Sessions run on the simulated provider, or on the providers of the active providers file
// (setProviders, from Settings), and are recorded in the audit store.

#include "chatfeedback.h"
#include "chatmemorymodel.h"
#include "chatmessagemodel.h"
#include "core/ladder.h"
#include "document/ladderdocument.h"
#include "engine/events.h"

#include <QElapsedTimer>
#include <QPointer>
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

// The base is qualified: qmltyperegistrar finds the prototype by its namespaced name.
class ChatSessionModel : public ladder::ChatMessageModel
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(QString title READ title WRITE setTitle NOTIFY titleChanged)
    Q_PROPERTY(QString ladderName READ ladderName NOTIFY ladderChanged)
    Q_PROPERTY(QVariantList tiers READ tiers NOTIFY ladderChanged)
    Q_PROPERTY(bool hasLadder READ hasLadder NOTIFY ladderChanged)
    Q_PROPERTY(bool busy READ busy NOTIFY busyChanged)
    Q_PROPERTY(bool readOnly READ readOnly NOTIFY readOnlyChanged)
    Q_PROPERTY(QString sessionId READ sessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(QString manualTier READ manualTier WRITE setManualTier NOTIFY manualTierChanged)
    Q_PROPERTY(double timeScale READ timeScale WRITE setTimeScale NOTIFY timeScaleChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    // Turns of this chat the audit store could not write (a damaged file, a full disk); empty
    // when everything is recorded. The chat view shows it in a banner.
    Q_PROPERTY(QString auditWarning READ auditWarning NOTIFY auditWarningChanged)
    // Qualified: qmllint resolves property types by their registered (namespaced) names.
    Q_PROPERTY(ladder::ChatMemoryModel *memory READ memory CONSTANT)
    // Thumbs, "Regenerate on a stronger tier" and manual picks as labelled cases (chatfeedback.h).
    Q_PROPERTY(ladder::ChatFeedback *feedback READ feedback CONSTANT)

public:
    explicit ChatSessionModel(QObject *parent = nullptr);
    ~ChatSessionModel() override;

    // The store new sessions are recorded in (none: not recorded).
    void setAuditStore(AuditStore *store)
    {
        m_store = store;
        m_feedback->setAuditStore(store);
    }
    // The response cache for ladders that switch theirs on (none: every call asks the model).
    void setResponseCache(CallCache *cache) { m_cache = cache; }
    void setLadder(const Ladder &ladder); // starts a new, empty chat on this ladder
    Q_INVOKABLE void setLadderFrom(ladder::LadderDocument *document);
    Q_INVOKABLE bool setLadderFromTemplate(const QString &name);
    // Replays a stored session's events read-only. False with errorString set.
    bool openStored(AuditReader &reader, const QString &sessionId);

    QString title() const { return m_title; }
    void setTitle(const QString &title);
    QString ladderName() const { return m_ladder.name; }
    QVariantList tiers() const;
    bool hasLadder() const { return !m_ladder.tiers.isEmpty(); }
    bool busy() const;
    QString sessionId() const { return m_sessionId; }
    QString manualTier() const { return m_manualTier; }
    void setManualTier(const QString &tierId);
    double timeScale() const { return m_timeScale; }
    void setTimeScale(double scale);
    QString errorString() const { return m_error; }
    QString auditWarning() const { return m_auditWarning; }
    // Reads the store's losses again (the Studio calls it when a write failed).
    void refreshAuditWarning();
    ChatMemoryModel *memory() const { return m_memory; }
    ChatFeedback *feedback() const { return m_feedback; }
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
    Q_INVOKABLE QString toMarkdown() const;
    Q_INVOKABLE QByteArray toJson() const;
    Q_INVOKABLE bool exportTo(const QString &pathOrUrl); // .md: Markdown, otherwise JSON
    Q_INVOKABLE void copyText(const QString &text) const;
    // The fenced code blocks of a Markdown text, for their "Copy" buttons.
    Q_INVOKABLE static QStringList codeBlocks(const QString &markdown);

signals:
    void titleChanged();
    void ladderChanged();
    void busyChanged();
    void readOnlyChanged();
    void sessionIdChanged();
    void manualTierChanged();
    void timeScaleChanged();
    void errorStringChanged();
    void auditWarningChanged();
    void turnFinished(int turn, bool ok);
    void idle(); // no turn running and nothing queued

private:
    struct Pending {
        QString text;
        QString tier;
        double timeScale = -1;                     // -1: the model's scale
        std::optional<MemoryContent> memoryBefore; // put in before the turn is sent
    };
    void ensureSession();
    void startNext();
    void branch(int turn, const QString &text);
    void setError(const QString &error);
    void replaceMemory(const MemoryContent &content);
    void finishTurn(int turn, bool ok);

    std::unique_ptr<RunRegistry> m_registry;
    std::shared_ptr<const ProviderConfig> m_providers;
    std::shared_ptr<const KeySource> m_keys;
    bool m_providersChanged = false; // applied to m_registry before the next session starts
    std::unique_ptr<Session> m_session;
    AuditStore *m_store = nullptr;
    QString m_auditWarning;
    CallCache *m_cache = nullptr;
    QList<Pending> m_queue;
    ChatMemoryModel *m_memory;
    ChatFeedback *m_feedback = new ChatFeedback(this);
    QString m_title;
    QString m_sessionId;
    QString m_manualTier;
    QString m_error;
    QString m_faults;
    double m_timeScale = 1.0;
    quint64 m_seed = 0;
    int m_branches = 0;
    bool m_running = false;
};

} // namespace ladder
