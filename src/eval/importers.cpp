#include "importers.h"

#include "store/audit_store.h"

#include <QFile>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

namespace ladder::eval {

namespace {

bool fail(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

QString where(const QString &path, int line)
{
    return QStringLiteral("%1:%2").arg(QFileInfo(path).fileName()).arg(line);
}

std::optional<QByteArray> readAll(const QString &path, QString *error)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        fail(error, QStringLiteral("%1: %2").arg(path, file.errorString()));
        return std::nullopt;
    }
    return file.readAll();
}

// Calls `each(lineNumber, object)` for every non-empty line; stops at the first error.
bool forEachJsonLine(const QString &path, const QByteArray &data, QString *error,
                     const std::function<bool(int, const QJsonObject &, QString *)> &each)
{
    int line = 0;
    qsizetype pos = 0;
    while (pos < data.size()) {
        qsizetype end = data.indexOf('\n', pos);
        if (end < 0)
            end = data.size();
        ++line;
        const QByteArray text = data.mid(pos, end - pos).trimmed();
        pos = end + 1;
        if (text.isEmpty())
            continue;
        QJsonParseError parseError;
        const QJsonDocument doc = QJsonDocument::fromJson(text, &parseError);
        if (parseError.error != QJsonParseError::NoError)
            return fail(error, QStringLiteral("%1: invalid JSON at column %2: %3")
                                   .arg(where(path, line))
                                   .arg(parseError.offset + 1)
                                   .arg(parseError.errorString()));
        if (!doc.isObject())
            return fail(
                error,
                QStringLiteral("%1: expected one JSON object per line").arg(where(path, line)));
        QString message;
        if (!each(line, doc.object(), &message))
            return fail(error, QStringLiteral("%1: %2").arg(where(path, line), message));
    }
    return true;
}

void addAnswerer(Dataset *set, const QString &name)
{
    if (!set->answerers.contains(name))
        set->answerers.append(name);
}

} // namespace

QStringList scorerNames()
{
    return {QStringLiteral("exact"),    QStringLiteral("normalised"), QStringLiteral("last_number"),
            QStringLiteral("contains"), QStringLiteral("regex"),      QStringLiteral("json_schema"),
            QStringLiteral("label"),    QStringLiteral("judge"),      QStringLiteral("preference")};
}

std::optional<QList<CsvRow>> parseCsv(const QByteArray &bytes, QString *error)
{
    const QString data = QString::fromUtf8(bytes);
    QList<CsvRow> rows;
    CsvRow row{1, {}};
    QString field;
    bool quoted = false;
    bool fieldStarted = false;
    int line = 1;
    int quoteLine = 0;
    auto endField = [&] {
        row.fields.append(field);
        field.clear();
        fieldStarted = false;
    };
    auto endRow = [&] {
        endField();
        if (!(row.fields.size() == 1 && row.fields.first().isEmpty()))
            rows.append(row);
        row = CsvRow{line, {}};
    };
    for (qsizetype i = 0; i < data.size(); ++i) {
        const QChar c = data.at(i);
        if (quoted) {
            if (c == QLatin1Char('"')) {
                if (i + 1 < data.size() && data.at(i + 1) == QLatin1Char('"')) {
                    field += QLatin1Char('"');
                    ++i;
                } else {
                    quoted = false;
                }
            } else {
                if (c == QLatin1Char('\n'))
                    ++line;
                field += c;
            }
            continue;
        }
        if (c == QLatin1Char('"') && !fieldStarted) {
            quoted = true;
            fieldStarted = true;
            quoteLine = line;
        } else if (c == QLatin1Char(',')) {
            endField();
        } else if (c == QLatin1Char('\n')) {
            ++line;
            endRow();
        } else if (c == QLatin1Char('\r')) {
            // CRLF: the \n ends the row
        } else {
            field += c;
            fieldStarted = true;
        }
    }
    if (quoted) {
        fail(error, QStringLiteral("line %1: a quoted field is never closed").arg(quoteLine));
        return std::nullopt;
    }
    if (fieldStarted || !row.fields.isEmpty())
        endRow();
    return rows;
}

namespace {

// One MT-Bench record's turns: the user's texts and the answerer's answers with their judge
// scores (-1: a failed judgment, counted in `failedJudgments`).
bool readMtBenchTurns(const QJsonArray &turns, QList<RecordedAnswer> *answers, QStringList *users,
                      int *failedJudgments, QString *message)
{
    for (int t = 0; t < turns.size(); ++t) {
        const QString at = QStringLiteral("/turns/%1/").arg(t);
        const QJsonObject turn = turns.at(t).toObject();
        const QJsonValue user = turn.value(QStringLiteral("user"));
        const QJsonValue assistant = turn.value(QStringLiteral("assistant"));
        const QJsonValue score = turn.value(QStringLiteral("judge_score"));
        if (!user.isString())
            return fail(message, at + QStringLiteral("user: expected a string"));
        if (!assistant.isString())
            return fail(message, at + QStringLiteral("assistant: expected a string"));
        if (!score.isDouble())
            return fail(message, at + QStringLiteral("judge_score: expected a number"));
        RecordedAnswer answer;
        answer.text = assistant.toString();
        const double s = score.toDouble();
        if (s >= 0) {
            if (s < 1 || s > 10)
                return fail(message, at + QStringLiteral("judge_score: %1 is outside 1-10 "
                                                         "(-1 marks a failed judgment)")
                                              .arg(s));
            answer.score = s;
        } else {
            ++*failedJudgments;
        }
        answers->append(answer);
        users->append(user.toString());
    }
    return true;
}

} // namespace

std::optional<Dataset> importMtBench(const QString &path, QString *error)
{
    const std::optional<QByteArray> data = readAll(path, error);
    if (!data)
        return std::nullopt;
    Dataset set;
    set.name = QStringLiteral("mt_bench");
    set.path = path;
    set.format = QStringLiteral("mt_bench");
    set.labels = LabelKind::Score;
    set.scoreMin = 1;
    set.scoreMax = 10;
    QHash<QString, int> byId;
    int failedJudgments = 0;
    const bool ok =
        forEachJsonLine(path, *data, error, [&](int line, const QJsonObject &o, QString *message) {
            const QJsonValue qid = o.value(QStringLiteral("question_id"));
            if (!qid.isDouble() && !qid.isString())
                return fail(message, QStringLiteral("/question_id: expected a number or a string"));
            const QString id = qid.isDouble() ? QString::number(qid.toInteger()) : qid.toString();
            const QString model = o.value(QStringLiteral("model")).toString();
            if (model.isEmpty())
                return fail(message, QStringLiteral("/model: expected the answerer's name"));
            const QJsonValue turnsValue = o.value(QStringLiteral("turns"));
            if (!turnsValue.isArray() || turnsValue.toArray().isEmpty())
                return fail(message, QStringLiteral("/turns: expected a non-empty array"));
            const QJsonArray turns = turnsValue.toArray();
            int index = byId.value(id, -1);
            if (index < 0) {
                EvalCase c;
                c.id = id;
                c.task = o.value(QStringLiteral("category")).toString();
                c.origin = where(path, line);
                index = int(set.cases.size());
                set.cases.append(c);
                byId.insert(id, index);
            }
            EvalCase &c = set.cases[index];
            QList<RecordedAnswer> answers;
            QStringList users;
            if (!readMtBenchTurns(turns, &answers, &users, &failedJudgments, message))
                return false;
            if (c.userTurns.isEmpty())
                c.userTurns = users;
            else if (c.userTurns.size() != users.size())
                return fail(message,
                            QStringLiteral("/turns: %1 turns, question %2 has %3 elsewhere")
                                .arg(users.size())
                                .arg(id)
                                .arg(c.userTurns.size()));
            if (c.answers.contains(model))
                return fail(message,
                            QStringLiteral("/model: a second record of \"%1\" for question %2")
                                .arg(model, id));
            c.answers.insert(model, answers);
            addAnswerer(&set, model);
            return true;
        });
    if (!ok)
        return std::nullopt;
    if (set.cases.isEmpty()) {
        fail(error, QStringLiteral("%1: no records").arg(path));
        return std::nullopt;
    }
    if (failedJudgments > 0)
        set.notes.append(QStringLiteral("%1 recorded judgment(s) failed (score -1): those answers "
                                        "have no score and are left out of the means")
                             .arg(failedJudgments));
    set.notes.append(QStringLiteral(
        "each answerer's turn-2 answer followed its own turn-1 answer: a ladder that switches "
        "model between turns is an approximation (marked per case)"));
    return set;
}

std::optional<Dataset> importGsm8k(const QString &path, QString *error)
{
    const std::optional<QByteArray> data = readAll(path, error);
    if (!data)
        return std::nullopt;
    QString csvError;
    const std::optional<QList<CsvRow>> rows = parseCsv(*data, &csvError);
    if (!rows) {
        fail(error, QFileInfo(path).fileName() + QLatin1Char(':') + csvError.mid(5));
        return std::nullopt;
    }
    if (rows->isEmpty()) {
        fail(error, QStringLiteral("%1: empty file").arg(path));
        return std::nullopt;
    }
    const QStringList header = rows->first().fields;
    const int prompt = int(header.indexOf(QStringLiteral("prompt")));
    if (prompt < 0) {
        fail(error, QStringLiteral("%1: header: no \"prompt\" column").arg(where(path, 1)));
        return std::nullopt;
    }
    struct Column {
        QString answerer;
        int label;
        int response;
    };
    QList<Column> columns;
    for (int i = 0; i < header.size(); ++i) {
        const int response = int(header.indexOf(header.at(i) + QStringLiteral("_response")));
        if (i != prompt && response >= 0)
            columns.append({header.at(i), i, response});
    }
    if (columns.isEmpty()) {
        fail(error, QStringLiteral("%1: header: no answerer columns (NAME and NAME_response)")
                        .arg(where(path, 1)));
        return std::nullopt;
    }
    Dataset set;
    set.name = QStringLiteral("gsm8k");
    set.path = path;
    set.format = QStringLiteral("gsm8k");
    set.labels = LabelKind::Correct;
    for (const Column &col : columns)
        addAnswerer(&set, col.answerer);
    for (qsizetype r = 1; r < rows->size(); ++r) {
        const CsvRow &row = rows->at(r);
        if (row.fields.size() != header.size()) {
            fail(error, QStringLiteral("%1: %2 fields, the header has %3")
                            .arg(where(path, row.line))
                            .arg(row.fields.size())
                            .arg(header.size()));
            return std::nullopt;
        }
        EvalCase c;
        c.id = QString::number(r);
        c.task = QStringLiteral("math");
        c.origin = where(path, row.line);
        c.userTurns = {row.fields.at(prompt)};
        for (const Column &col : columns) {
            const QString label = row.fields.at(col.label).trimmed();
            RecordedAnswer answer;
            answer.text = row.fields.at(col.response);
            if (label.compare(QLatin1String("true"), Qt::CaseInsensitive) == 0)
                answer.correct = true;
            else if (label.compare(QLatin1String("false"), Qt::CaseInsensitive) == 0)
                answer.correct = false;
            else {
                fail(error, QStringLiteral("%1: column \"%2\": expected True or False, got \"%3\"")
                                .arg(where(path, row.line), col.answerer, label.left(40)));
                return std::nullopt;
            }
            c.answers.insert(col.answerer, {answer});
        }
        set.cases.append(c);
    }
    return set;
}

std::optional<Dataset> importAuditLog(const QString &path, QString *error)
{
    AuditReader reader;
    QString openError;
    if (!reader.open(path, &openError)) {
        fail(error, openError);
        return std::nullopt;
    }
    Dataset set;
    set.name = QFileInfo(path).completeBaseName();
    set.path = path;
    set.format = QStringLiteral("audit");
    QHash<QString, int> byTurns; // the user turns joined -> case
    const QList<SessionSummary> sessions = reader.sessions();
    for (auto s = sessions.crbegin(); s != sessions.crend(); ++s) {
        QStringList users;
        QHash<int, QPair<QString, QString>> answered; // turn -> (model, answer)
        for (const StoredEvent &e : reader.events(s->id)) {
            if (e.event.type == Event::Type::TurnStarted)
                users.append(e.event.data.value(QStringLiteral("user_text")).toString());
            else if (e.event.type == Event::Type::TurnCompleted)
                answered.insert(e.event.turn,
                                {e.event.data.value(QStringLiteral("model")).toString(),
                                 e.event.data.value(QStringLiteral("answer")).toString()});
        }
        if (users.isEmpty())
            continue;
        const QString key = users.join(QChar(0x1f));
        int index = byTurns.value(key, -1);
        if (index < 0) {
            EvalCase c;
            c.id = s->title.isEmpty() ? s->id : s->title;
            c.origin = QStringLiteral("%1: session %2").arg(QFileInfo(path).fileName(), s->id);
            c.userTurns = users;
            index = int(set.cases.size());
            set.cases.append(c);
            byTurns.insert(key, index);
        }
        EvalCase &c = set.cases[index];
        for (auto it = answered.cbegin(); it != answered.cend(); ++it) {
            const int t = it.key() - 1;
            if (t < 0 || t >= users.size() || it->first.isEmpty())
                continue;
            QList<RecordedAnswer> &list = c.answers[it->first];
            while (list.size() < users.size())
                list.append(RecordedAnswer{});
            list[t].text = it->second;
            addAnswerer(&set, it->first);
        }
    }
    if (!reader.lastError().isEmpty()) {
        fail(error, reader.lastError());
        return std::nullopt;
    }
    if (set.cases.isEmpty()) {
        fail(error, QStringLiteral("%1: no recorded sessions").arg(path));
        return std::nullopt;
    }
    set.notes.append(QStringLiteral("from the audit log: only the turns each model answered in a "
                                    "recorded session can be replayed with it"));
    return set;
}

namespace {

bool readExpectation(const QJsonObject &o, Expectation *expect, QString *message)
{
    const QStringList scorers = scorerNames();
    expect->scorer = o.value(QStringLiteral("scorer")).toString();
    if (!expect->scorer.isEmpty() && !scorers.contains(expect->scorer))
        return fail(message, QStringLiteral("/expect/scorer: unknown scorer \"%1\" (one of %2)")
                                 .arg(expect->scorer, scorers.join(QStringLiteral(", "))));
    const QJsonValue value = o.value(QStringLiteral("value"));
    expect->value = value.isDouble() ? QString::number(value.toDouble()) : value.toString();
    expect->pattern = o.value(QStringLiteral("pattern")).toString();
    expect->schema = o.value(QStringLiteral("schema")).toObject();
    expect->rubric = o.value(QStringLiteral("rubric")).toString();
    expect->goal = o.value(QStringLiteral("goal")).toString();
    for (const QJsonValue &v : o.value(QStringLiteral("constraints")).toArray())
        expect->constraints.append(v.toString());
    const QString &s = expect->scorer;
    if ((s == QLatin1String("exact") || s == QLatin1String("normalised") ||
         s == QLatin1String("last_number") || s == QLatin1String("contains")) &&
        expect->value.isEmpty())
        return fail(message, QStringLiteral("/expect/value: the %1 scorer needs a value").arg(s));
    if (s == QLatin1String("regex") && expect->pattern.isEmpty())
        return fail(message, QStringLiteral("/expect/pattern: the regex scorer needs a pattern"));
    if (s == QLatin1String("json_schema") && expect->schema.isEmpty())
        return fail(message,
                    QStringLiteral("/expect/schema: the json_schema scorer needs a schema"));
    if (s == QLatin1String("judge") && expect->rubric.isEmpty())
        return fail(message, QStringLiteral("/expect/rubric: the judge scorer needs a rubric"));
    return true;
}

} // namespace

bool readGenericCase(const QJsonObject &o, int index, const QString &origin, EvalCase *c,
                     QString *message, int *kinds)
{
    c->id = o.value(QStringLiteral("id")).toVariant().toString();
    if (c->id.isEmpty())
        c->id = QString::number(index + 1);
    c->task = o.value(QStringLiteral("task")).toString();
    c->origin = origin;
    const QJsonValue turns = o.value(QStringLiteral("turns"));
    if (!turns.isArray() || turns.toArray().isEmpty())
        return fail(message, QStringLiteral("/turns: expected a non-empty array of strings"));
    for (int i = 0; i < turns.toArray().size(); ++i) {
        const QJsonValue t = turns.toArray().at(i);
        if (!t.isString())
            return fail(message, QStringLiteral("/turns/%1: expected a string").arg(i));
        c->userTurns.append(t.toString());
    }
    const QJsonObject answers = o.value(QStringLiteral("answers")).toObject();
    const QJsonObject labels = o.value(QStringLiteral("labels")).toObject();
    for (auto it = answers.begin(); it != answers.end(); ++it) {
        const QString at = QStringLiteral("/answers/") + it.key();
        const QJsonArray list = it.value().toArray();
        if (!it.value().isArray() || list.size() != c->userTurns.size())
            return fail(message, at + QStringLiteral(": expected %1 answer(s), one per turn")
                                          .arg(c->userTurns.size()));
        const QJsonArray labelList = labels.value(it.key()).toArray();
        if (labels.contains(it.key()) && labelList.size() != list.size())
            return fail(
                message,
                QStringLiteral("/labels/%1: expected %2 label(s)").arg(it.key()).arg(list.size()));
        QList<RecordedAnswer> recorded;
        for (int i = 0; i < list.size(); ++i) {
            if (!list.at(i).isString())
                return fail(message, at + QStringLiteral("/%1: expected a string").arg(i));
            RecordedAnswer a;
            a.text = list.at(i).toString();
            if (i < labelList.size()) {
                const QJsonValue l = labelList.at(i);
                if (l.isBool()) {
                    a.correct = l.toBool();
                    if (kinds)
                        *kinds |= 2;
                } else if (l.isDouble()) {
                    a.score = l.toDouble();
                    if (kinds)
                        *kinds |= 1;
                } else if (!l.isNull()) {
                    return fail(message,
                                QStringLiteral("/labels/%1/%2: expected a number, true/false "
                                               "or null")
                                    .arg(it.key())
                                    .arg(i));
                }
            }
            recorded.append(a);
        }
        c->answers.insert(it.key(), recorded);
    }
    for (auto it = labels.begin(); it != labels.end(); ++it)
        if (!answers.contains(it.key()))
            return fail(message,
                        QStringLiteral("/labels/%1: no answers of that answerer").arg(it.key()));
    for (const QJsonValue &r : o.value(QStringLiteral("references")).toArray())
        c->references.append(r.toString());
    // A preference case names the chosen answerer in "expect" (older files: at the top level).
    const QJsonObject expect = o.value(QStringLiteral("expect")).toObject();
    c->preferred = expect.value(QStringLiteral("preferred"))
                       .toString(o.value(QStringLiteral("preferred")).toString());
    if (o.contains(QStringLiteral("expect"))) {
        if (!o.value(QStringLiteral("expect")).isObject())
            return fail(message, QStringLiteral("/expect: expected an object"));
        if (!readExpectation(expect, &c->expect, message))
            return false;
        if (c->expect.scorer == QLatin1String("preference") && c->preferred.isEmpty())
            return fail(message, QStringLiteral(
                                     "/expect/preferred: the preference scorer needs the answerer "
                                     "the user preferred"));
    }
    return true;
}

std::optional<Dataset> importGenericJsonl(const QString &path, QString *error)
{
    const std::optional<QByteArray> data = readAll(path, error);
    if (!data)
        return std::nullopt;
    Dataset set;
    set.name = QFileInfo(path).completeBaseName();
    set.path = path;
    set.format = QStringLiteral("jsonl");
    bool scores = false;
    bool booleans = false;
    const bool ok =
        forEachJsonLine(path, *data, error, [&](int line, const QJsonObject &o, QString *message) {
            EvalCase c;
            int found = 0;
            if (!readGenericCase(o, int(set.cases.size()), where(path, line), &c, message, &found))
                return false;
            scores = scores || (found & 1);
            booleans = booleans || (found & 2);
            for (const QString &answerer : o.value(QStringLiteral("answers")).toObject().keys())
                addAnswerer(&set, answerer);
            set.cases.append(c);
            return true;
        });
    if (!ok)
        return std::nullopt;
    if (set.cases.isEmpty()) {
        fail(error, QStringLiteral("%1: no cases").arg(path));
        return std::nullopt;
    }
    if (scores && booleans) {
        fail(
            error,
            QStringLiteral("%1: labels mix scores and true/false; use one kind per set").arg(path));
        return std::nullopt;
    }
    set.labels = scores ? LabelKind::Score : booleans ? LabelKind::Correct : LabelKind::None;
    if (scores) {
        set.scoreMin = 1e300;
        set.scoreMax = -1e300;
        for (const EvalCase &c : set.cases)
            for (const QList<RecordedAnswer> &list : c.answers)
                for (const RecordedAnswer &a : list)
                    if (a.score) {
                        set.scoreMin = std::min(set.scoreMin, *a.score);
                        set.scoreMax = std::max(set.scoreMax, *a.score);
                    }
    }
    return set;
}

std::optional<Dataset> importDataset(const QString &path, const QString &format, QString *error)
{
    QString kind = format;
    if (kind.isEmpty()) {
        QFile file(path);
        if (!file.open(QIODevice::ReadOnly)) {
            fail(error, QStringLiteral("%1: %2").arg(path, file.errorString()));
            return std::nullopt;
        }
        const QByteArray head = file.read(4096);
        if (head.startsWith("SQLite format 3"))
            kind = QStringLiteral("audit");
        else if (path.endsWith(QLatin1String(".csv"), Qt::CaseInsensitive))
            kind = QStringLiteral("gsm8k");
        else if (head.contains("\"question_id\""))
            kind = QStringLiteral("mt_bench");
        else
            kind = QStringLiteral("jsonl");
    }
    if (kind == QLatin1String("mt_bench"))
        return importMtBench(path, error);
    if (kind == QLatin1String("gsm8k"))
        return importGsm8k(path, error);
    if (kind == QLatin1String("audit"))
        return importAuditLog(path, error);
    if (kind == QLatin1String("jsonl"))
        return importGenericJsonl(path, error);
    fail(error, QStringLiteral("unknown dataset format \"%1\" (mt_bench, gsm8k, audit, jsonl)")
                    .arg(format));
    return std::nullopt;
}

} // namespace ladder::eval
