#include "feedback_examples.h"

#include "importers.h"

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

std::optional<TrainingSet> trainingSet(const TrainingSources &sources, TrainOptions *options,
                                       TrainingSetError *error)
{
    using Kind = TrainingSetError::Kind;
    TrainingSet out;
    if (!sources.datasetPath.isEmpty()) {
        out.set = importDataset(sources.datasetPath, sources.datasetFormat, &error->message);
        if (!out.set) {
            error->kind = Kind::Unreadable;
            return std::nullopt;
        }
        if (sources.pickAnswerers)
            sources.pickAnswerers(*out.set, options);
        std::optional<QList<TrainingExample>> turns =
            labelledTurns(*out.set, *options, {}, &error->message);
        if (!turns) {
            error->kind = Kind::NothingToTrainOn;
            return std::nullopt;
        }
        out.examples = std::move(*turns);
    }
    out.name = out.set ? out.set->name : QStringLiteral("chat feedback");
    if (sources.feedbackPath.isEmpty())
        return out;
    error->inFeedback = true;
    const std::optional<QList<TrainingExample>> feedback =
        feedbackExamples(sources.feedbackPath, &error->message);
    if (!feedback) {
        error->kind = Kind::Unreadable;
        return std::nullopt;
    }
    if (feedback->isEmpty() && !out.set) {
        error->kind = Kind::NothingToTrainOn;
        error->message = sources.feedbackPath +
                         QStringLiteral(": no feedback cases yet (thumbs, manual tier picks or "
                                        "Regenerate on a stronger tier in a chat recorded there)");
        return std::nullopt;
    }
    out.feedbackCases = int(feedback->size());
    out.examples.append(*feedback);
    return out;
}

} // namespace ladder::eval
