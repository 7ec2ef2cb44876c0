#pragma once

// The audit browser's session list: the chat sessions in the studio's store, with
// their ladder, number of calls and cost.

#include "store/audit_store.h"

#include <QAbstractListModel>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class AuditSessionModel : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_UNCREATABLE("owned by Studio")
    Q_PROPERTY(int count READ rowCount NOTIFY countChanged)

public:
    enum Roles {
        IdRole = Qt::UserRole + 1,
        TitleRole,
        LadderRole,
        CreatedRole,
        CallsRole,
        CostRole,
        CostLabelRole, // "$0.0120", or "cost unknown" (Formatter)
    };
    explicit AuditSessionModel(QObject *parent = nullptr);

    void setReader(AuditReader *reader) { m_reader = reader; }
    Q_INVOKABLE void refresh();
    Q_INVOKABLE QString idAt(int row) const;
    Q_INVOKABLE int rowOf(const QString &sessionId) const;

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void countChanged();

private:
    AuditReader *m_reader = nullptr;
    QList<SessionSummary> m_sessions;
};

} // namespace ladder
