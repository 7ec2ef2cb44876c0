#include "goldensetmodel.h"

#include "common/localfile.h"

#include "eval/golden_set.h"
#include "eval/importers.h"

#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QSet>
#include <QStandardPaths>
#include <QUndoCommand>

#include <algorithm>

namespace ladder {

using eval::EvalCase;

namespace {

// One row inserted, removed or replaced; undo swaps before and after.
class RowCommand : public QUndoCommand
{
public:
    RowCommand(GoldenSetModel *model, const QString &text, int row, std::optional<EvalCase> before,
               std::optional<EvalCase> after, const QString &mergeKey)
        : QUndoCommand(text)
        , m_model(model)
        , m_row(row)
        , m_before(std::move(before))
        , m_after(std::move(after))
        , m_mergeKey(mergeKey)
    {}
    void redo() override { m_model->applyRow(m_row, m_before, m_after); }
    void undo() override { m_model->applyRow(m_row, m_after, m_before); }
    // Typing into one field of one case is one step to undo.
    int id() const override { return m_mergeKey.isEmpty() ? -1 : 1; }
    bool mergeWith(const QUndoCommand *other) override
    {
        const auto *next = static_cast<const RowCommand *>(other);
        if (next->m_mergeKey != m_mergeKey || !m_after || !next->m_after)
            return false;
        m_after = next->m_after;
        return true;
    }

private:
    GoldenSetModel *m_model;
    int m_row;
    std::optional<EvalCase> m_before, m_after;
    QString m_mergeKey;
};

QStringList toStringList(const QVariant &value)
{
    QStringList list = value.toStringList();
    list.removeIf([](const QString &s) { return s.trimmed().isEmpty(); });
    return list;
}

} // namespace

GoldenSetModel::GoldenSetModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_undo, &QUndoStack::indexChanged, this, &GoldenSetModel::undoStateChanged);
    connect(&m_undo, &QUndoStack::cleanChanged, this, &GoldenSetModel::undoStateChanged);
}

int GoldenSetModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_cases.size());
}

QVariant GoldenSetModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const EvalCase &c = m_cases.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case IdRole:
        return c.id;
    case TaskRole:
        return c.task;
    case SummaryRole:
        return c.userTurns.isEmpty() ? QString() : c.userTurns.last().simplified().left(160);
    case TurnCountRole:
        return int(c.userTurns.size());
    case ScorerRole:
        return c.expect.scorer.isEmpty() ? QStringLiteral("label") : c.expect.scorer;
    case ProblemRole:
        return eval::caseProblem(c);
    }
    return {};
}

QHash<int, QByteArray> GoldenSetModel::roleNames() const
{
    return {{IdRole, "caseId"},           {TaskRole, "task"},     {SummaryRole, "summary"},
            {TurnCountRole, "turnCount"}, {ScorerRole, "scorer"}, {ProblemRole, "problem"}};
}

QString GoldenSetModel::title() const
{
    return m_path.isEmpty() ? tr("Untitled set") : QFileInfo(m_path).fileName();
}

int GoldenSetModel::problemCount() const
{
    return int(std::count_if(m_cases.cbegin(), m_cases.cend(),
                             [](const EvalCase &c) { return !eval::caseProblem(c).isEmpty(); }));
}

QStringList GoldenSetModel::scorers()
{
    return eval::scorerNames();
}

void GoldenSetModel::setError(const QString &error)
{
    if (m_error == error)
        return;
    m_error = error;
    emit errorChanged();
}

void GoldenSetModel::reset(const QList<EvalCase> &cases, const QString &path)
{
    beginResetModel();
    m_cases = cases;
    endResetModel();
    m_undo.clear();
    if (m_path != path) {
        m_path = path;
        emit pathChanged();
    }
    emit countChanged();
    emit undoStateChanged();
}

void GoldenSetModel::newSet()
{
    reset({}, QString());
    setError({});
}

bool GoldenSetModel::open(const QString &pathOrUrl)
{
    const QString path = localFileOf(pathOrUrl);
    QString error;
    const std::optional<eval::Dataset> set = eval::importGenericJsonl(path, &error);
    if (!set) {
        setError(error);
        return false;
    }
    QList<EvalCase> cases = set->cases;
    for (EvalCase &c : cases)
        c.origin.clear();
    reset(cases, QFileInfo(path).absoluteFilePath());
    setError({});
    return true;
}

bool GoldenSetModel::save()
{
    if (m_path.isEmpty())
        return false;
    return saveAs(m_path);
}

bool GoldenSetModel::saveAs(const QString &pathOrUrl)
{
    const QString path = localFileOf(pathOrUrl);
    QString error;
    if (!eval::writeGoldenSet(path, m_cases, &error)) {
        setError(error);
        return false;
    }
    setError({});
    m_undo.setClean();
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (m_path != absolute) {
        m_path = absolute;
        emit pathChanged();
    }
    return true;
}

QString GoldenSetModel::uniqueId(const QString &base) const
{
    QSet<QString> ids;
    for (const EvalCase &c : m_cases)
        ids.insert(c.id);
    QString id = base;
    for (int n = 2; ids.contains(id); ++n)
        id = QStringLiteral("%1-%2").arg(base).arg(n);
    return id;
}

void GoldenSetModel::push(const QString &text, int row, const std::optional<EvalCase> &before,
                          const std::optional<EvalCase> &after, const QString &mergeKey)
{
    m_undo.push(new RowCommand(this, text, row, before, after, mergeKey));
}

int GoldenSetModel::addCase()
{
    EvalCase c;
    c.id = uniqueId(QStringLiteral("case-%1").arg(m_cases.size() + 1));
    c.userTurns = {QString()};
    c.expect.scorer = QStringLiteral("contains");
    const int row = int(m_cases.size());
    push(tr("Add case"), row, std::nullopt, c);
    return row;
}

int GoldenSetModel::duplicateCase(int row)
{
    if (row < 0 || row >= m_cases.size())
        return -1;
    EvalCase c = m_cases.at(row);
    c.id = uniqueId(c.id + QStringLiteral("-copy"));
    push(tr("Duplicate case"), row + 1, std::nullopt, c);
    return row + 1;
}

void GoldenSetModel::removeCase(int row)
{
    if (row < 0 || row >= m_cases.size())
        return;
    push(tr("Delete case"), row, m_cases.at(row), std::nullopt);
}

QVariantMap GoldenSetModel::caseAt(int row) const
{
    if (row < 0 || row >= m_cases.size())
        return {};
    const EvalCase &c = m_cases.at(row);
    QStringList answerers = c.answers.keys();
    std::sort(answerers.begin(), answerers.end());
    return {
        {QStringLiteral("id"), c.id},
        {QStringLiteral("task"), c.task},
        {QStringLiteral("turns"), c.userTurns},
        {QStringLiteral("scorer"),
         c.expect.scorer.isEmpty() ? QStringLiteral("label") : c.expect.scorer},
        {QStringLiteral("value"), c.expect.value},
        {QStringLiteral("pattern"), c.expect.pattern},
        {QStringLiteral("schema"),
         c.expect.schema.isEmpty()
             ? QString()
             : QString::fromUtf8(QJsonDocument(c.expect.schema).toJson(QJsonDocument::Indented))},
        {QStringLiteral("rubric"), c.expect.rubric},
        {QStringLiteral("goal"), c.expect.goal},
        {QStringLiteral("constraints"), c.expect.constraints},
        {QStringLiteral("preferred"), c.preferred},
        {QStringLiteral("answerers"), answerers},
        {QStringLiteral("problem"), eval::caseProblem(c)},
    };
}

bool GoldenSetModel::setField(int row, const QString &field, const QVariant &value)
{
    if (row < 0 || row >= m_cases.size())
        return false;
    EvalCase c = m_cases.at(row);
    const QString text = value.toString();
    if (field == QLatin1String("id")) {
        const QString id = text.trimmed();
        if (id.isEmpty()) {
            setError(tr("/id: a case needs an id"));
            return false;
        }
        for (int i = 0; i < m_cases.size(); ++i)
            if (i != row && m_cases.at(i).id == id) {
                setError(tr("/id: \"%1\" is already the id of case %2").arg(id).arg(i + 1));
                return false;
            }
        c.id = id;
    } else if (field == QLatin1String("task")) {
        c.task = text;
    } else if (field == QLatin1String("turns")) {
        const QStringList turns = value.toStringList();
        // Recorded answers stay one per turn: a removed turn drops its answers, a new one has
        // none yet.
        for (auto it = c.answers.begin(); it != c.answers.end(); ++it) {
            it->resize(turns.size());
        }
        c.userTurns = turns;
    } else if (field == QLatin1String("scorer")) {
        if (!scorers().contains(text)) {
            setError(tr("/expect/scorer: unknown scorer \"%1\" (one of %2)")
                         .arg(text, scorers().join(QStringLiteral(", "))));
            return false;
        }
        c.expect.scorer = text == QLatin1String("label") ? QString() : text;
    } else if (field == QLatin1String("value")) {
        c.expect.value = text;
    } else if (field == QLatin1String("pattern")) {
        c.expect.pattern = text;
    } else if (field == QLatin1String("schema")) {
        QJsonObject schema;
        QString problem;
        if (!eval::parseSchemaText(text, &schema, &problem)) {
            setError(problem);
            return false;
        }
        c.expect.schema = schema;
    } else if (field == QLatin1String("rubric")) {
        c.expect.rubric = text;
    } else if (field == QLatin1String("goal")) {
        c.expect.goal = text;
    } else if (field == QLatin1String("constraints")) {
        c.expect.constraints = toStringList(value);
    } else if (field == QLatin1String("preferred")) {
        c.preferred = text;
    } else {
        setError(tr("unknown field \"%1\"").arg(field));
        return false;
    }
    setError({});
    if (c == m_cases.at(row))
        return true;
    push(tr("Edit %1 of %2").arg(field, m_cases.at(row).id), row, m_cases.at(row), c,
         QStringLiteral("%1/%2").arg(row).arg(field));
    return true;
}

void GoldenSetModel::applyRow(int row, const std::optional<EvalCase> &before,
                              const std::optional<EvalCase> &after)
{
    if (before && after) {
        m_cases[row] = *after;
        emit dataChanged(index(row), index(row));
        emit countChanged(); // the problem count may change
        return;
    }
    if (after) {
        beginInsertRows({}, row, row);
        m_cases.insert(row, *after);
        endInsertRows();
    } else {
        beginRemoveRows({}, row, row);
        m_cases.removeAt(row);
        endRemoveRows();
    }
    emit countChanged();
}

QString GoldenSetModel::runnablePath()
{
    if (!m_path.isEmpty() && !modified() && QFileInfo::exists(m_path))
        return m_path;
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::TempLocation);
    const QString name =
        m_path.isEmpty() ? QStringLiteral("untitled-set.jsonl") : QFileInfo(m_path).fileName();
    const QString snapshot = QDir(dir).filePath(QStringLiteral("ladder-studio-") + name);
    QString error;
    if (!eval::writeGoldenSet(snapshot, m_cases, &error)) {
        setError(error);
        return {};
    }
    return snapshot;
}

} // namespace ladder
