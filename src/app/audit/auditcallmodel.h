#pragma once

// The audit browser's call list: every provider call of one session (filtered by tier, model,
// status) with its request as sent and its response. The sessions are AuditSessionModel.

#include "store/audit_store.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class AuditCallModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Studio")
    Q_PROPERTY(QString sessionId READ sessionId WRITE setSessionId NOTIFY sessionIdChanged)
    Q_PROPERTY(QString tierFilter READ tierFilter WRITE setTierFilter NOTIFY filterChanged)
    Q_PROPERTY(QString modelFilter READ modelFilter WRITE setModelFilter NOTIFY filterChanged)
    Q_PROPERTY(QString statusFilter READ statusFilter WRITE setStatusFilter NOTIFY filterChanged)
    Q_PROPERTY(QStringList tiers READ tiers NOTIFY optionsChanged)
    Q_PROPERTY(QStringList models READ models NOTIFY optionsChanged)
    Q_PROPERTY(QStringList statuses READ statuses NOTIFY optionsChanged)
    Q_PROPERTY(QVariantMap totals READ totals NOTIFY countChanged)
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TimeRole,
        TurnRole,
        AttemptRole,
        TierRole,
        ProviderRole,
        ModelRole,
        StatusRole,
        InputTokensRole,
        OutputTokensRole,
        CachedTokensRole,
        CostRole,
        TtftRole,
        LatencyRole,
        OkRole,
        CostKnownRole,
        CostLabelRole, // "$0.0120", or "cost unknown" (Formatter)
    };
    explicit AuditCallModel(QObject *parent = nullptr);

    void setReader(AuditReader *reader) { m_reader = reader; }
    QString sessionId() const { return m_sessionId; }
    void setSessionId(const QString &id);
    QString tierFilter() const { return m_filter.tierId; }
    void setTierFilter(const QString &v);
    QString modelFilter() const { return m_filter.model; }
    void setModelFilter(const QString &v);
    QString statusFilter() const { return m_filter.status; }
    void setStatusFilter(const QString &v);
    QStringList tiers() const { return m_tiers; }
    QStringList models() const { return m_models; }
    QStringList statuses() const { return m_statuses; }
    QVariantMap totals() const;
    QString errorString() const { return m_error; }

    Q_INVOKABLE void refresh();
    Q_INVOKABLE qint64 callIdAt(int row) const
    {
        return row >= 0 && row < m_calls.size() ? m_calls[row].id : -1;
    }
    // {request, response, error} as indented JSON text, for the call inspector.
    Q_INVOKABLE QVariantMap callDetail(qint64 callId);
    // The calls shown (filters applied) with their requests, one JSON object a line.
    Q_INVOKABLE bool exportJsonl(const QString &pathOrUrl);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void sessionIdChanged();
    void filterChanged();
    void optionsChanged();
    void countChanged();
    void errorStringChanged();

private:
    void setError(const QString &error);

    AuditReader *m_reader = nullptr;
    QString m_sessionId;
    CallFilter m_filter;
    QList<StoredCall> m_calls;
    QStringList m_tiers;
    QStringList m_models;
    QStringList m_statuses;
    QString m_error;
};

} // namespace ladder
