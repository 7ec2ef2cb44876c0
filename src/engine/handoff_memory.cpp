#include "handoff_memory.h"

#include "core/format_names.h"
#include "core/token_estimate.h"

#include <QJsonArray>
#include <QRegularExpression>

#include <algorithm>
#include <climits>
#include <iterator>

namespace ladder {

namespace {

// The format's spellings (core/format_names.h), in MemoryField order.
constexpr const auto &kFieldKeys = kMemoryFieldNames;
static_assert(std::size(kMemoryFieldNames) == kMemoryFieldCount);
constexpr std::array<const char *, kMemoryFieldCount> kFieldNames{
    "Goal",      "Constraints",    "Non-goals", "Assumptions", "Plan", "Format contract",
    "Decisions", "Open questions", "Unknowns"};
// What survives a tight budget first.
constexpr std::array<MemoryField, kMemoryFieldCount> kPriority{
    MemoryField::Goal,      MemoryField::Constraints,   MemoryField::FormatContract,
    MemoryField::NonGoals,  MemoryField::Plan,          MemoryField::Assumptions,
    MemoryField::Decisions, MemoryField::OpenQuestions, MemoryField::Unknowns};

// "none", "-", "n/a": a field the author left empty on purpose.
bool isEmptyMarker(const QString &value)
{
    const QString v = value.trimmed().toLower();
    return v.isEmpty() || v == QLatin1String("-") || v == QLatin1String("none") ||
           v == QLatin1String("n/a") || v == QLatin1String("none.");
}

const MemoryContent &emptyContent()
{
    static const MemoryContent empty;
    return empty;
}

} // namespace

QString toString(MemoryField field)
{
    return QString::fromLatin1(kFieldKeys[std::size_t(field)]);
}
QString displayName(MemoryField field)
{
    return QString::fromLatin1(kFieldNames[std::size_t(field)]);
}

std::optional<MemoryField> memoryFieldFromString(const QString &key)
{
    QString k = key.trimmed().toLower();
    k.replace(QLatin1Char('-'), QLatin1Char('_')).replace(QLatin1Char(' '), QLatin1Char('_'));
    if (k == QLatin1String("format"))
        return MemoryField::FormatContract;
    for (int i = 0; i < kMemoryFieldCount; ++i) {
        if (k == QLatin1String(kFieldKeys[i]))
            return MemoryField(i);
    }
    return std::nullopt;
}

int estimateTokens(const QString &text)
{
    return int(estimateTokens(qint64(text.size())));
}

bool MemoryContent::isEmpty() const
{
    return std::all_of(fields.begin(), fields.end(),
                       [](const QStringList &l) { return l.isEmpty(); });
}

QJsonObject MemoryContent::toJson() const
{
    QJsonObject o;
    for (int i = 0; i < kMemoryFieldCount; ++i)
        o.insert(QLatin1String(kFieldKeys[i]), QJsonArray::fromStringList(fields[i]));
    return o;
}

MemoryContent MemoryContent::fromJson(const QJsonObject &o)
{
    MemoryContent c;
    for (int i = 0; i < kMemoryFieldCount; ++i) {
        for (const QJsonValue &v : o.value(QLatin1String(kFieldKeys[i])).toArray())
            c.fields[i].append(v.toString());
    }
    return c;
}

const MemoryContent &HandoffMemory::current() const
{
    return m_versions.isEmpty() ? emptyContent() : m_versions.constLast().content;
}

bool HandoffMemory::merge(const MemoryContent &update, int turn, const QString &author)
{
    MemoryContent next = current();
    for (int i = 0; i < kMemoryFieldCount; ++i) {
        if (!update.fields[i].isEmpty())
            next.fields[i] = update.fields[i];
    }
    if (next == current())
        return false;
    m_versions.append({int(m_versions.size()) + 1, turn, author, next});
    return true;
}

bool HandoffMemory::setField(MemoryField field, const QStringList &items, int turn,
                             const QString &author)
{
    MemoryContent next = current();
    next[field] = items;
    if (next == current())
        return false;
    m_versions.append({int(m_versions.size()) + 1, turn, author, next});
    return true;
}

QString HandoffMemory::render(int budgetTokens, const QStringList &keep) const
{
    const MemoryContent &c = current();
    if (c.isEmpty())
        return {};
    const MemoryVersion &v = m_versions.constLast();
    const QString header =
        QStringLiteral("## Handoff memory (v%1, by %2)\n").arg(v.version).arg(v.author);
    qsizetype used = header.size();
    const int budgetChars = budgetTokens > 0 ? budgetTokens * 4 : INT_MAX;
    bool trimmed = false;
    std::array<QString, kMemoryFieldCount> sections;
    for (MemoryField f : kPriority) {
        const QStringList &items = c[f];
        if (items.isEmpty() || (!keep.isEmpty() && !keep.contains(toString(f))))
            continue;
        QString section = displayName(f) + QLatin1Char(':');
        if (items.size() == 1) {
            section += QLatin1Char(' ') + items.first() + QLatin1Char('\n');
        } else {
            section += QLatin1Char('\n');
            for (const QString &item : items)
                section += QStringLiteral("- ") + item + QLatin1Char('\n');
        }
        // Priority decides what fits the budget; the block keeps the fields' natural order.
        if (used + section.size() > budgetChars) {
            trimmed = true;
            continue;
        }
        used += section.size();
        sections[std::size_t(f)] = section;
    }
    QString out = header;
    for (const QString &s : sections)
        out += s;
    if (trimmed)
        out += QStringLiteral("(trimmed to the memory budget of %1 tokens)\n").arg(budgetTokens);
    return out;
}

std::optional<MemoryContent> HandoffMemory::parseScaffold(const QString &answer, QString *stripped)
{
    static const QRegularExpression block(QStringLiteral("<handoff>(.*?)</handoff>"),
                                          QRegularExpression::DotMatchesEverythingOption |
                                              QRegularExpression::CaseInsensitiveOption);
    static const QRegularExpression keyLine(QStringLiteral("^\\s*([A-Za-z _-]+):\\s*(.*)$"));
    static const QRegularExpression itemLine(QStringLiteral("^\\s*(?:[-*•]|\\d+[.)])\\s+(.*)$"));
    const QRegularExpressionMatch m = block.match(answer);
    if (!m.hasMatch())
        return std::nullopt;
    if (stripped)
        *stripped = (answer.left(m.capturedStart()) + answer.mid(m.capturedEnd())).trimmed();

    MemoryContent content;
    std::optional<MemoryField> currentField;
    const QStringList lines = m.captured(1).split(QLatin1Char('\n'));
    for (const QString &line : lines) {
        if (line.trimmed().isEmpty())
            continue;
        const QRegularExpressionMatch item = itemLine.match(line);
        if (item.hasMatch() && currentField) {
            if (!isEmptyMarker(item.captured(1)))
                content[*currentField].append(item.captured(1).trimmed());
            continue;
        }
        const QRegularExpressionMatch key = keyLine.match(line);
        if (key.hasMatch()) {
            currentField = memoryFieldFromString(key.captured(1));
            const QString value = key.captured(2).trimmed();
            if (currentField && !isEmptyMarker(value))
                content[*currentField].append(value);
        } else if (currentField) {
            content[*currentField].append(line.trimmed());
        }
    }
    return content;
}

namespace {

// The length of the longest end of `text` that begins `tag` (case-insensitive).
qsizetype partialTagAtEnd(const QString &text, QLatin1String tag)
{
    for (qsizetype n = std::min(text.size(), tag.size() - 1); n > 0; --n) {
        if (QStringView(text).right(n).compare(tag.left(n), Qt::CaseInsensitive) == 0)
            return n;
    }
    return 0;
}

} // namespace

QString ScaffoldStreamFilter::feed(const QString &delta)
{
    static constexpr QLatin1String open("<handoff>");
    static constexpr QLatin1String close("</handoff>");
    QString text = m_held + delta;
    m_held.clear();
    QString shown;
    while (!text.isEmpty()) {
        const QLatin1String tag = m_inside ? close : open;
        const qsizetype at = text.indexOf(tag, 0, Qt::CaseInsensitive);
        if (at >= 0) {
            if (!m_inside)
                shown += text.left(at);
            text = text.mid(at + tag.size());
            m_inside = !m_inside;
            continue;
        }
        const qsizetype partial = partialTagAtEnd(text, tag);
        if (!m_inside)
            shown += text.left(text.size() - partial);
        m_held = text.right(partial);
        break;
    }
    return shown;
}

QString ScaffoldStreamFilter::finish()
{
    // An unterminated block stays hidden; a held "<hand" that never became a tag is text.
    QString rest = m_inside ? QString() : m_held;
    reset();
    return rest;
}

void ScaffoldStreamFilter::reset()
{
    m_held.clear();
    m_inside = false;
}

} // namespace ladder
