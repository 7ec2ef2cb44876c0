#include "golden_set.h"

#include "importers.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>
#include <QSaveFile>
#include <QSet>

#include <algorithm>

namespace ladder::eval {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

void putText(QJsonObject *o, const char *key, const QString &value)
{
    if (!value.isEmpty())
        o->insert(QLatin1String(key), value);
}

QJsonObject expectationToJson(const EvalCase &c)
{
    const Expectation &e = c.expect;
    QJsonObject o;
    putText(&o, "scorer", e.scorer);
    putText(&o, "value", e.value);
    putText(&o, "pattern", e.pattern);
    if (!e.schema.isEmpty())
        o.insert(QStringLiteral("schema"), e.schema);
    putText(&o, "rubric", e.rubric);
    putText(&o, "goal", e.goal);
    if (!e.constraints.isEmpty())
        o.insert(QStringLiteral("constraints"), QJsonArray::fromStringList(e.constraints));
    putText(&o, "preferred", c.preferred);
    return o;
}

} // namespace

QJsonObject caseToJson(const EvalCase &c)
{
    QJsonObject o;
    putText(&o, "id", c.id);
    putText(&o, "task", c.task);
    o.insert(QStringLiteral("turns"), QJsonArray::fromStringList(c.userTurns));
    QStringList answerers = c.answers.keys();
    std::sort(answerers.begin(), answerers.end());
    QJsonObject answers, labels;
    for (const QString &name : answerers) {
        QJsonArray texts, marks;
        bool labelled = false;
        for (const RecordedAnswer &a : c.answers.value(name)) {
            texts.append(a.text);
            if (a.score)
                marks.append(*a.score);
            else if (a.correct)
                marks.append(*a.correct);
            else
                marks.append(QJsonValue::Null);
            labelled = labelled || a.score || a.correct;
        }
        answers.insert(name, texts);
        if (labelled)
            labels.insert(name, marks);
    }
    if (!answers.isEmpty())
        o.insert(QStringLiteral("answers"), answers);
    if (!labels.isEmpty())
        o.insert(QStringLiteral("labels"), labels);
    if (!c.references.isEmpty())
        o.insert(QStringLiteral("references"), QJsonArray::fromStringList(c.references));
    const QJsonObject expect = expectationToJson(c);
    if (!expect.isEmpty())
        o.insert(QStringLiteral("expect"), expect);
    return o;
}

QByteArray toJsonl(const QList<EvalCase> &cases)
{
    QByteArray out;
    for (const EvalCase &c : cases) {
        out += QJsonDocument(caseToJson(c)).toJson(QJsonDocument::Compact);
        out += '\n';
    }
    return out;
}

QString caseProblem(const EvalCase &c)
{
    if (c.userTurns.isEmpty())
        return QStringLiteral("/turns: a case needs at least one user turn");
    for (int i = 0; i < c.userTurns.size(); ++i)
        if (c.userTurns.at(i).trimmed().isEmpty())
            return QStringLiteral("/turns/%1: the user turn is empty").arg(i);
    EvalCase back;
    QString message;
    if (!readGenericCase(caseToJson(c), 0, QString(), &back, &message))
        return message;
    return {};
}

bool parseSchemaText(const QString &text, QJsonObject *schema, QString *error)
{
    *schema = {};
    if (text.trimmed().isEmpty())
        return true;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parseError);
    if (parseError.error != QJsonParseError::NoError)
        return fail(error, QStringLiteral("/expect/schema: invalid JSON at character %1: %2")
                               .arg(parseError.offset + 1)
                               .arg(parseError.errorString()));
    if (!doc.isObject())
        return fail(error, QStringLiteral("/expect/schema: expected a JSON object"));
    *schema = doc.object();
    return true;
}

bool writeGoldenSet(const QString &path, const QList<EvalCase> &cases, QString *error)
{
    const QString name = QFileInfo(path).fileName();
    for (int i = 0; i < cases.size(); ++i) {
        const QString problem = caseProblem(cases.at(i));
        if (!problem.isEmpty())
            return fail(error, QStringLiteral("%1:%2: %3").arg(name).arg(i + 1).arg(problem));
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly))
        return fail(error, QStringLiteral("%1: %2").arg(path, file.errorString()));
    file.write(toJsonl(cases));
    if (!file.commit())
        return fail(error, QStringLiteral("%1: %2").arg(path, file.errorString()));
    return true;
}

QString appendGoldenCase(const QString &path, EvalCase c, QString *error, bool replace)
{
    QList<EvalCase> existing;
    QFile file(path);
    if (file.exists() && file.size() > 0) {
        std::optional<Dataset> set = importGenericJsonl(path, error);
        if (!set)
            return {};
        existing = set->cases;
    }
    if (replace && !c.id.isEmpty()) {
        for (EvalCase &e : existing)
            if (e.id == c.id) {
                e = c;
                return writeGoldenSet(path, existing, error) ? c.id : QString();
            }
    }
    QSet<QString> ids;
    for (const EvalCase &e : existing)
        ids.insert(e.id);
    if (c.id.isEmpty())
        c.id = QStringLiteral("case-%1").arg(existing.size() + 1);
    const QString base = c.id;
    for (int n = 2; ids.contains(c.id); ++n)
        c.id = QStringLiteral("%1-%2").arg(base).arg(n);
    const QString problem = caseProblem(c);
    if (!problem.isEmpty()) {
        fail(error, QStringLiteral("%1:%2: %3")
                        .arg(QFileInfo(path).fileName())
                        .arg(existing.size() + 1)
                        .arg(problem));
        return {};
    }
    QDir().mkpath(QFileInfo(path).absolutePath());
    if (!file.open(QIODevice::ReadWrite)) {
        fail(error, QStringLiteral("%1: %2").arg(path, file.errorString()));
        return {};
    }
    QByteArray line;
    if (file.size() > 0) {
        file.seek(file.size() - 1);
        if (file.read(1) != "\n")
            line += '\n';
    }
    line += QJsonDocument(caseToJson(c)).toJson(QJsonDocument::Compact) + '\n';
    file.seek(file.size());
    if (file.write(line) != line.size()) {
        fail(error, QStringLiteral("%1: %2").arg(path, file.errorString()));
        return {};
    }
    return c.id;
}

} // namespace ladder::eval
