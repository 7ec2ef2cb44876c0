#pragma once

// The messages of one chat, built from a session's events: user turns, streamed answers with
// their tier badge, escalation / fallback / retry / handoff notices inline, the running totals,
// the chart series and the tier timeline. One handler per event type; the session that feeds it
// (ChatSessionModel) owns the lifecycle, the queue and the branches.

#include "chattimelinemodel.h"
#include "core/ladder.h"
#include "engine/events.h"

#include <QAbstractListModel>
#include <QTimer>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class ChatMessageModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ANONYMOUS
    // The chat's name in Compare and the charts (empty: the ladder's name).
    Q_PROPERTY(QString label READ label WRITE setLabel NOTIFY labelChanged)
    Q_PROPERTY(QString activeTier READ activeTier NOTIFY activeTierChanged)
    Q_PROPERTY(QVariantMap totals READ totals NOTIFY totalsChanged)
    Q_PROPERTY(int turnCount READ turnCount NOTIFY totalsChanged)
    // Qualified: qmllint resolves property types by their registered (namespaced) names.
    Q_PROPERTY(ladder::ChatTimelineModel *timeline READ timeline CONSTANT)

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

    explicit ChatMessageModel(QObject *parent = nullptr);

    const Ladder &ladder() const { return m_ladder; }
    const QList<Row> &rows() const { return m_rows; }
    QString label() const { return m_label; }
    void setLabel(const QString &label);
    bool readOnly() const { return m_readOnly; }
    QString activeTier() const { return m_activeTier; }
    QVariantMap totals() const;
    int turnCount() const { return m_turnCount; }
    ChatTimelineModel *timeline() const { return m_timeline; }
    QString tierLabel(const QString &id) const;
    QString tierColor(const QString &id) const;

    Q_INVOKABLE QStringList userTurns() const; // the user texts of every turn, in order
    Q_INVOKABLE int rowOfTurn(int turn) const; // the user row of a turn, -1 when absent
    Q_INVOKABLE QString userTextOf(int turn) const;
    Q_INVOKABLE QString injectedMemoryAt(int turn) const;
    Q_INVOKABLE QVariantMap stats() const; // chart series, see the .cpp

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

    void handleEvent(const Event &event); // public for replay and tests

signals:
    void labelChanged();
    void activeTierChanged();
    void totalsChanged();
    void statsChanged();
    void memoryUpdated(); // a memory_updated event: the memory panel reads the session again

protected:
    void resetRows();
    void flushDeltas();
    int assistantRowOf(int turn) const;

    Ladder m_ladder;
    QList<Row> m_rows;
    QString m_label;
    QString m_activeTier;
    int m_turnCount = 0;
    bool m_readOnly = false;

private:
    void onTurnStarted(const Event &event);
    void onTierActive(const Event &event);
    void onDelta(const Event &event);
    void onEscalated(const Event &event);
    void onHandoff(const Event &event);
    void onFallback(const Event &event);
    void onMemoryUpdated(const Event &event);
    void onTurnCompleted(const Event &event);
    void onTurnFailed(const Event &event);
    void fallbackAnswered(int turn, int answerRow);
    static Row noticeRow(const QString &notice, int turn); // a notice row above the answer
    void settleTurn(TimelineEntry *entry, const Row &answer, bool failed);
    void insertRow(int at, const Row &row);
    void changed(int row);
    TimelineEntry &timelineEntry(int turn);

    QHash<int, TimelineEntry> m_turnInfo;
    QHash<int, QString> m_injected; // turn -> memory block injected at its handoff
    ChatTimelineModel *m_timeline;
    QString m_pendingDelta;
    int m_deltaRow = -1;
    QTimer m_deltaTimer;
};

} // namespace ladder
