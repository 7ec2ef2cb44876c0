#include "chatmemorymodel.h"

#include "document/laddernames.h"
#include "engine/session.h"

#include <QCoreApplication>
#include <QUndoCommand>

#include <array>

namespace ladder {

namespace {

// One user edit of one field. Undo writes the old items back (the memory keeps both versions:
// history is append-only, like the engine's).
class EditMemoryFieldCommand : public QUndoCommand
{
public:
    EditMemoryFieldCommand(ChatMemoryModel *model, MemoryField field, QStringList before,
                           QStringList after)
        : m_model(model)
        , m_field(field)
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
        setText(QCoreApplication::translate("ladder::ChatMemoryModel", "Edit %1")
                    .arg(ChatMemoryModel::fieldName(field)));
    }
    void redo() override { apply(m_after); }
    void undo() override { apply(m_before); }

private:
    void apply(const QStringList &items)
    {
        Session *s = m_model->session();
        if (!s)
            return;
        s->memory().setField(m_field, items, int(s->turns().size()));
        m_model->refresh();
    }

    ChatMemoryModel *m_model;
    MemoryField m_field;
    QStringList m_before;
    QStringList m_after;
};

} // namespace

QString ChatMemoryModel::fieldName(MemoryField field)
{
    // The engine's displayName() stays English: it heads the injected prompt.
    return memoryFieldText(int(field));
}

ChatMemoryModel::ChatMemoryModel(QObject *parent)
    : QAbstractListModel(parent)
{
    connect(&m_undo, &QUndoStack::canUndoChanged, this, &ChatMemoryModel::undoStateChanged);
    connect(&m_undo, &QUndoStack::canRedoChanged, this, &ChatMemoryModel::undoStateChanged);
}

ChatMemoryModel::~ChatMemoryModel() = default;

void ChatMemoryModel::setSession(Session *session, int budgetTokens)
{
    m_session = session;
    m_budget = budgetTokens;
    m_undo.clear();
    refresh();
}

const HandoffMemory *ChatMemoryModel::memory() const
{
    return m_session ? &std::as_const(*m_session).memory() : &m_empty;
}

void ChatMemoryModel::refresh()
{
    if (kMemoryFieldCount > 0)
        emit dataChanged(index(0), index(kMemoryFieldCount - 1));
    emit memoryChanged();
}

int ChatMemoryModel::version() const
{
    return memory()->version();
}

QString ChatMemoryModel::author() const
{
    const auto &v = memory()->versions();
    return v.isEmpty() ? QString() : v.constLast().author;
}

int ChatMemoryModel::tokens() const
{
    return estimateTokens(memory()->render(1000000));
}

QVariantList ChatMemoryModel::versions() const
{
    QVariantList out;
    for (const MemoryVersion &v : memory()->versions()) {
        out.append(QVariantMap{{QStringLiteral("version"), v.version},
                               {QStringLiteral("turn"), v.turn},
                               {QStringLiteral("author"), v.author}});
    }
    return out;
}

QStringList ChatMemoryModel::splitItems(const QString &text)
{
    QStringList items;
    const QStringList lines = text.split(QLatin1Char('\n'));
    for (QString line : lines) {
        line = line.trimmed();
        if (line.startsWith(QLatin1String("- ")))
            line = line.mid(2).trimmed();
        if (!line.isEmpty())
            items.append(line);
    }
    return items;
}

MemoryContent ChatMemoryModel::contentOf(const HandoffMemory &memory, int version)
{
    const auto &versions = memory.versions();
    if (version <= 0 || versions.isEmpty())
        return {};
    return versions[std::min(version, int(versions.size())) - 1].content;
}

bool ChatMemoryModel::setFieldText(const QString &key, const QString &text)
{
    const std::optional<MemoryField> field = memoryFieldFromString(key);
    if (!field || !m_session)
        return false;
    const QStringList before = memory()->current()[*field];
    const QStringList after = splitItems(text);
    if (before == after)
        return false;
    m_undo.push(new EditMemoryFieldCommand(this, *field, before, after));
    return true;
}

QVariantList ChatMemoryModel::diff(int fromVersion, int toVersion) const
{
    const MemoryContent a = contentOf(*memory(), fromVersion);
    const MemoryContent b = contentOf(*memory(), toVersion);
    QVariantList out;
    for (int i = 0; i < kMemoryFieldCount; ++i) {
        const auto f = MemoryField(i);
        QStringList added;
        QStringList removed;
        for (const QString &s : b[f]) {
            if (!a[f].contains(s))
                added.append(s);
        }
        for (const QString &s : a[f]) {
            if (!b[f].contains(s))
                removed.append(s);
        }
        if (added.isEmpty() && removed.isEmpty())
            continue;
        out.append(QVariantMap{{QStringLiteral("key"), toString(f)},
                               {QStringLiteral("name"), fieldName(f)},
                               {QStringLiteral("added"), added},
                               {QStringLiteral("removed"), removed}});
    }
    return out;
}

int ChatMemoryModel::versionAtTurn(int turn) const
{
    int found = 0;
    for (const MemoryVersion &v : memory()->versions()) {
        if (v.turn <= turn)
            found = v.version;
    }
    return found;
}

QVariantList ChatMemoryModel::fieldsAtTurn(int turn) const
{
    const MemoryContent c = contentOf(*memory(), versionAtTurn(turn));
    QVariantList out;
    for (int i = 0; i < kMemoryFieldCount; ++i) {
        const auto f = MemoryField(i);
        out.append(QVariantMap{{QStringLiteral("key"), toString(f)},
                               {QStringLiteral("name"), fieldName(f)},
                               {QStringLiteral("items"), c[f]}});
    }
    return out;
}

int ChatMemoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : kMemoryFieldCount;
}

QVariant ChatMemoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const auto f = MemoryField(index.row());
    const QStringList &items = memory()->current()[f];
    switch (role) {
    case KeyRole:
        return toString(f);
    case NameRole:
        return fieldName(f);
    case ItemsRole:
        return items;
    case TextRole:
        return items.join(QLatin1Char('\n'));
    case ChangedRole: {
        const int v = memory()->version();
        return v > 0 && contentOf(*memory(), v - 1)[f] != items;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ChatMemoryModel::roleNames() const
{
    return {{KeyRole, "key"},
            {NameRole, "name"},
            {ItemsRole, "items"},
            {TextRole, "text"},
            {ChangedRole, "changed"}};
}

} // namespace ladder
