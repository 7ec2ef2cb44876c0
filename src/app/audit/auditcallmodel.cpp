#include "auditcallmodel.h"

#include "common/formatter.h"
#include "common/localfile.h"

#include <QJsonDocument>
#include <QSaveFile>
#include <QUrl>

namespace ladder {

AuditCallModel::AuditCallModel(QObject *parent)
    : QAbstractListModel(parent)
{}

void AuditCallModel::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    emit errorStringChanged();
}

void AuditCallModel::setSessionId(const QString &id)
{
    if (m_sessionId == id)
        return;
    m_sessionId = id;
    m_filter = {};
    emit sessionIdChanged();
    emit filterChanged();
    refresh();
}

void AuditCallModel::setTierFilter(const QString &v)
{
    if (m_filter.tierId == v)
        return;
    m_filter.tierId = v;
    emit filterChanged();
    refresh();
}

void AuditCallModel::setModelFilter(const QString &v)
{
    if (m_filter.model == v)
        return;
    m_filter.model = v;
    emit filterChanged();
    refresh();
}

void AuditCallModel::setStatusFilter(const QString &v)
{
    if (m_filter.status == v)
        return;
    m_filter.status = v;
    emit filterChanged();
    refresh();
}

void AuditCallModel::refresh()
{
    beginResetModel();
    m_calls.clear();
    if (m_reader && m_reader->isOpen() && !m_sessionId.isEmpty()) {
        m_calls = m_reader->calls(m_sessionId, m_filter);
        setError(m_reader->lastError());
        // The filter options come from all calls of the session.
        const QList<StoredCall> all = m_reader->calls(m_sessionId);
        QStringList tiers;
        QStringList models;
        QStringList statuses;
        for (const StoredCall &c : all) {
            if (!tiers.contains(c.tierId))
                tiers.append(c.tierId);
            if (!models.contains(c.model))
                models.append(c.model);
            if (!statuses.contains(c.status))
                statuses.append(c.status);
        }
        if (tiers != m_tiers || models != m_models || statuses != m_statuses) {
            m_tiers = tiers;
            m_models = models;
            m_statuses = statuses;
            emit optionsChanged();
        }
    }
    endResetModel();
    emit countChanged();
}

QVariantMap AuditCallModel::totals() const
{
    double cost = 0; // of the calls with a known price
    int costUnknown = 0;
    qint64 tokens = 0;
    int failed = 0;
    for (const StoredCall &c : m_calls) {
        cost += c.costKnown ? c.costUsd : 0;
        costUnknown += c.costKnown ? 0 : 1;
        tokens += c.result.usage.inputTokens + c.result.usage.outputTokens;
        failed += c.status != QLatin1String("ok") ? 1 : 0;
    }
    return {{QStringLiteral("calls"), int(m_calls.size())},
            {QStringLiteral("cost"), cost},
            {QStringLiteral("costUnknownCalls"), costUnknown},
            {QStringLiteral("costLabel"), formatCostLabel(cost, costUnknown > 0)},
            {QStringLiteral("tokens"), tokens},
            {QStringLiteral("failed"), failed}};
}

QVariantMap AuditCallModel::callDetail(qint64 callId)
{
    if (!m_reader || !m_reader->isOpen())
        return {{QStringLiteral("error"), tr("The audit store is not open")}};
    const std::optional<StoredCall> call = m_reader->call(callId);
    if (!call)
        return {{QStringLiteral("error"),
                 tr("Call %1 is not in the store. %2").arg(callId).arg(m_reader->lastError())}};
    const QJsonObject json = AuditReader::callToJson(*call);
    QJsonObject response = json.value(QStringLiteral("response")).toObject();
    if (response.isEmpty())
        response = json;
    return {{QStringLiteral("request"),
             QString::fromUtf8(QJsonDocument(call->request).toJson(QJsonDocument::Indented))},
            {QStringLiteral("response"),
             QString::fromUtf8(QJsonDocument(response).toJson(QJsonDocument::Indented))},
            {QStringLiteral("text"), call->result.text}};
}

bool AuditCallModel::exportJsonl(const QString &pathOrUrl)
{
    const QString path = localFileOf(pathOrUrl);
    if (!m_reader || m_sessionId.isEmpty()) {
        setError(tr("No session to export"));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        setError(tr("Cannot write %1: %2").arg(path, file.errorString()));
        return false;
    }
    // The rows as filtered, each with its request (the list itself is read without them).
    for (const StoredCall &row : std::as_const(m_calls)) {
        const std::optional<StoredCall> call = m_reader->call(row.id);
        if (!call) {
            setError(tr("Cannot export to %1: %2").arg(path, m_reader->lastError()));
            return false;
        }
        QByteArray line =
            QJsonDocument(AuditReader::callToJson(*call)).toJson(QJsonDocument::Compact);
        line.append('\n');
        if (file.write(line) != line.size())
            break;
    }
    if (!file.commit()) {
        setError(tr("Cannot export to %1: %2").arg(path, file.errorString()));
        return false;
    }
    setError({});
    return true;
}

int AuditCallModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_calls.size());
}

QVariant AuditCallModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const StoredCall &c = m_calls[index.row()];
    switch (role) {
    case IdRole:
        return c.id;
    case TimeRole:
        return c.startedAt.toLocalTime().toString(QStringLiteral("HH:mm:ss.zzz"));
    case TurnRole:
        return c.turn;
    case AttemptRole:
        return c.attempt;
    case TierRole:
        return c.tierId;
    case ProviderRole:
        return c.provider;
    case ModelRole:
        return c.model;
    case StatusRole:
        return c.status;
    case InputTokensRole:
        return c.result.usage.inputTokens;
    case OutputTokensRole:
        return c.result.usage.outputTokens;
    case CachedTokensRole:
        return c.result.usage.cachedTokens;
    case CostRole:
        return c.costUsd;
    case CostKnownRole:
        return c.costKnown;
    case CostLabelRole:
        return formatCostLabel(c.costUsd, !c.costKnown);
    case TtftRole:
        return c.result.ttftMs;
    case LatencyRole:
        return c.result.latencyMs;
    case OkRole:
        return c.status == QLatin1String("ok");
    default:
        return {};
    }
}

QHash<int, QByteArray> AuditCallModel::roleNames() const
{
    return {{IdRole, "callId"},
            {TimeRole, "time"},
            {TurnRole, "turn"},
            {AttemptRole, "attempt"},
            {TierRole, "tier"},
            {ProviderRole, "provider"},
            {ModelRole, "model"},
            {StatusRole, "status"},
            {InputTokensRole, "inputTokens"},
            {OutputTokensRole, "outputTokens"},
            {CachedTokensRole, "cachedTokens"},
            {CostRole, "cost"},
            {TtftRole, "ttft"},
            {LatencyRole, "latency"},
            {OkRole, "ok"},
            {CostKnownRole, "costKnown"},
            {CostLabelRole, "costLabel"}};
}

} // namespace ladder
