#include "feedback_cases.h"

#include "audit_store.h"
#include "audit_writer.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlError>
#include <QSqlQuery>

namespace ladder {

using Internal::fromMsecs;
using Internal::sqlError;
using Internal::sqlText;

namespace {

constexpr std::pair<FeedbackSource, const char *> kSourceNames[] = {
    {FeedbackSource::ManualPick, "manual_pick"},
    {FeedbackSource::RegenerateStronger, "regenerate_stronger"},
    {FeedbackSource::ThumbsDown, "thumbs_down"},
    {FeedbackSource::ThumbsUp, "thumbs_up"},
};

} // namespace

QString feedbackSourceName(FeedbackSource source)
{
    for (const auto &[s, name] : kSourceNames)
        if (s == source)
            return QLatin1String(name);
    return {};
}

std::optional<FeedbackSource> feedbackSourceFromName(const QString &name)
{
    for (const auto &[s, n] : kSourceNames)
        if (name == QLatin1String(n))
            return s;
    return std::nullopt;
}

namespace Internal {

bool AuditWriter::recordFeedback(const FeedbackCase &feedback, QString *error)
{
    if (!m_db.isOpen()) {
        *error = QStringLiteral("audit store: no store file is open");
        return false;
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("INSERT OR REPLACE INTO feedback (session_id, turn, user_text, "
                             "context_json, tier, model, needs_strong, source, created_at) "
                             "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"));
    q.addBindValue(sqlText(feedback.sessionId));
    q.addBindValue(feedback.turn);
    q.addBindValue(sqlText(feedback.userText));
    q.addBindValue(QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(feedback.context))
                                         .toJson(QJsonDocument::Compact)));
    q.addBindValue(sqlText(feedback.tierId));
    q.addBindValue(sqlText(feedback.model));
    q.addBindValue(feedback.needsStrong ? 1 : 0);
    q.addBindValue(feedbackSourceName(feedback.source));
    q.addBindValue(feedback.createdAt.isValid() ? feedback.createdAt.toMSecsSinceEpoch()
                                                : QDateTime::currentMSecsSinceEpoch());
    if (!q.exec()) {
        *error = sqlError(m_db.path(), QStringLiteral("cannot record feedback"), q.lastError());
        return false;
    }
    return true;
}

bool AuditWriter::removeFeedback(const QString &sessionId, int turn, const QStringList &sources,
                                 QString *error)
{
    if (!m_db.isOpen()) {
        *error = QStringLiteral("audit store: no store file is open");
        return false;
    }
    QSqlQuery q(m_db.database());
    q.prepare(QStringLiteral("DELETE FROM feedback WHERE session_id = ? AND turn = ? AND "
                             "(? = '' OR instr(?, ',' || source || ',') > 0)"));
    const QString list = sources.isEmpty()
                             ? QString()
                             : QLatin1Char(',') + sources.join(QLatin1Char(',')) + QLatin1Char(',');
    q.addBindValue(sqlText(sessionId));
    q.addBindValue(turn);
    q.addBindValue(sqlText(list));
    q.addBindValue(sqlText(list));
    if (!q.exec()) {
        *error = sqlError(m_db.path(), QStringLiteral("cannot remove feedback"), q.lastError());
        return false;
    }
    return true;
}

} // namespace Internal

bool AuditStore::recordFeedback(const FeedbackCase &feedback)
{
    return runOnWriter([&](Internal::AuditWriter &writer, QString *error) {
        return writer.recordFeedback(feedback, error);
    });
}

bool AuditStore::removeFeedback(const QString &sessionId, int turn,
                                const QList<FeedbackSource> &sources)
{
    QStringList names;
    for (FeedbackSource s : sources)
        names << feedbackSourceName(s);
    return runOnWriter([&](Internal::AuditWriter &writer, QString *error) {
        return writer.removeFeedback(sessionId, turn, names, error);
    });
}

QList<FeedbackCase> AuditReader::feedbackCases()
{
    QList<FeedbackCase> out;
    if (!m_db.isOpen())
        return out;
    QSqlQuery q(m_db.database());
    q.setForwardOnly(true);
    if (!q.exec(QStringLiteral("SELECT session_id, turn, user_text, context_json, tier, model, "
                               "needs_strong, source, created_at FROM feedback "
                               "ORDER BY created_at, session_id, turn"))) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot read feedback"), q.lastError());
        return out;
    }
    m_lastError.clear();
    while (q.next()) {
        FeedbackCase f;
        f.sessionId = q.value(0).toString();
        f.turn = q.value(1).toInt();
        f.userText = q.value(2).toString();
        for (const QJsonValue &v : QJsonDocument::fromJson(q.value(3).toString().toUtf8()).array())
            f.context.append(v.toString());
        f.tierId = q.value(4).toString();
        f.model = q.value(5).toString();
        f.needsStrong = q.value(6).toInt() != 0;
        const std::optional<FeedbackSource> source = feedbackSourceFromName(q.value(7).toString());
        if (!source) { // a newer build's source: keep the label, skip what we cannot name
            m_lastError = m_db.path() + QStringLiteral(": feedback[%1/%2]: unknown source \"%3\"")
                                            .arg(f.sessionId)
                                            .arg(f.turn)
                                            .arg(q.value(7).toString());
            continue;
        }
        f.source = *source;
        f.createdAt = fromMsecs(q.value(8));
        out.append(f);
    }
    return out;
}

int AuditReader::feedbackCount()
{
    if (!m_db.isOpen())
        return -1;
    QSqlQuery q(m_db.database());
    if (!q.exec(QStringLiteral("SELECT COUNT(*) FROM feedback")) || !q.next()) {
        m_lastError = sqlError(m_db.path(), QStringLiteral("cannot count feedback"), q.lastError());
        return -1;
    }
    m_lastError.clear();
    return q.value(0).toInt();
}

} // namespace ladder
