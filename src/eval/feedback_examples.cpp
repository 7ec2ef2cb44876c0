#include "feedback_examples.h"

#include "store/audit_store.h"

#include <QFileInfo>

namespace ladder::eval {

namespace {

bool openAudit(AuditReader *reader, const QString &path, QString *error)
{
    if (!QFileInfo::exists(path)) {
        if (error)
            *error = path + QStringLiteral(": no such audit file");
        return false;
    }
    QString message;
    if (!reader->open(path, &message)) {
        if (error)
            *error = message.startsWith(path) ? message : path + QStringLiteral(": ") + message;
        return false;
    }
    return true;
}

} // namespace

std::optional<QList<TrainingExample>> feedbackExamples(const QString &auditPath, QString *error)
{
    AuditReader reader;
    if (!openAudit(&reader, auditPath, error))
        return std::nullopt;
    const QList<FeedbackCase> cases = reader.feedbackCases();
    if (cases.isEmpty() && !reader.lastError().isEmpty()) {
        if (error)
            *error = reader.lastError();
        return std::nullopt;
    }
    QList<TrainingExample> out;
    out.reserve(cases.size());
    for (const FeedbackCase &c : cases) {
        TrainingExample e;
        e.caseIndex = -1;
        e.turn = c.turn;
        e.text = c.userText;
        e.earlierTurns = c.context;
        e.needsStrong = c.needsStrong;
        out.append(e);
    }
    return out;
}

int feedbackCaseCount(const QString &auditPath, QString *error)
{
    AuditReader reader;
    if (!openAudit(&reader, auditPath, error))
        return -1;
    const int n = reader.feedbackCount();
    if (n < 0 && error)
        *error = reader.lastError();
    return n;
}

} // namespace ladder::eval
