#include "exporthighlighter.h"

namespace ladder {

using namespace Qt::StringLiterals;

namespace {

QTextCharFormat colour(const char *light, const char *dark, bool isDark, bool bold = false)
{
    QTextCharFormat f;
    f.setForeground(QColor(QLatin1String(isDark ? dark : light)));
    if (bold)
        f.setFontWeight(QFont::DemiBold);
    return f;
}

} // namespace

ExportHighlighter::ExportHighlighter(QTextDocument *document)
    : QSyntaxHighlighter(document)
{
    rebuild();
}

void ExportHighlighter::setLanguage(Language language)
{
    if (m_language == language)
        return;
    m_language = language;
    rebuild();
    rehighlight();
}

void ExportHighlighter::setDark(bool dark)
{
    if (m_dark == dark)
        return;
    m_dark = dark;
    rebuild();
    rehighlight();
}

void ExportHighlighter::rebuild()
{
    // Later rules paint over earlier ones: numbers, literals, strings, keys, references, comments.
    const QTextCharFormat string = colour("#0a7d32", "#7ec699", m_dark);
    const QTextCharFormat number = colour("#a04f00", "#f0a73a", m_dark);
    const QTextCharFormat literal = colour("#8e44ad", "#c08cf0", m_dark);
    const QTextCharFormat key = colour("#1d4fb8", "#8ab4ff", m_dark, true);
    const QTextCharFormat reference = colour("#b3261e", "#ff8a80", m_dark, true);
    const QTextCharFormat comment = colour("#6b7480", "#8d96a3", m_dark);
    m_rules.clear();
    if (m_language == Language::Json) {
        m_rules << Rule{QRegularExpression(u"-?\\d+(?:\\.\\d+)?(?:[eE][+-]?\\d+)?"_s), number};
        m_rules << Rule{QRegularExpression(u"\\b(?:true|false|null)\\b"_s), literal};
        m_rules << Rule{QRegularExpression(u"\"(?:[^\"\\\\]|\\\\.)*\""_s), string};
        m_rules << Rule{QRegularExpression(u"(\"(?:[^\"\\\\]|\\\\.)*\")\\s*:"_s), key, 1};
    } else {
        m_rules << Rule{QRegularExpression(u":\\s+([^#\\[\\]{}\\s][^#]*)$"_s), string, 1};
        m_rules << Rule{QRegularExpression(u":\\s+(-?\\d+(?:\\.\\d+)?)\\s*$"_s), number, 1};
        m_rules << Rule{QRegularExpression(u":\\s+(true|false|null)\\s*$"_s), literal, 1};
        m_rules << Rule{QRegularExpression(u"^\\s*(?:-\\s+)?([\\w.-]+)\\s*:"_s), key, 1};
    }
    m_rules << Rule{QRegularExpression(u"os\\.environ/\\w+|\\$\\{\\w+\\}"_s), reference};
    if (m_language == Language::Yaml)
        m_rules << Rule{QRegularExpression(u"^\\s*#.*$"_s), comment};
}

void ExportHighlighter::highlightBlock(const QString &text)
{
    for (const Rule &rule : std::as_const(m_rules)) {
        for (auto it = rule.pattern.globalMatch(text); it.hasNext();) {
            const QRegularExpressionMatch m = it.next();
            setFormat(int(m.capturedStart(rule.group)), int(m.capturedLength(rule.group)),
                      rule.format);
        }
    }
}

} // namespace ladder
