#pragma once

// Syntax colours for the Export area's preview: keys, strings, numbers and literals of JSON or
// YAML, YAML comments, and key references (`os.environ/NAME`, `${NAME}`) stand out.

#include <QRegularExpression>
#include <QSyntaxHighlighter>
#include <QTextCharFormat>

namespace ladder {

class ExportHighlighter : public QSyntaxHighlighter
{
public:
    enum class Language { Json, Yaml };
    explicit ExportHighlighter(QTextDocument *document);

    void setLanguage(Language language);
    void setDark(bool dark);

protected:
    void highlightBlock(const QString &text) override;

private:
    struct Rule {
        QRegularExpression pattern;
        QTextCharFormat format;
        int group = 0;
    };
    void rebuild();

    Language m_language = Language::Json;
    bool m_dark = false;
    QList<Rule> m_rules;
};

} // namespace ladder
