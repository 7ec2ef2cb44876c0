#pragma once

// File → Export…: the open ladder as the canonical JSON, a LiteLLM proxy config.yaml or a Portkey
// gateway config (src/export), previewed live as the ladder is edited, with its loss report.
// Provider ids resolve through the providers file chosen in Settings (none: the vendor ids).
// Copy puts the export on the clipboard; Save writes it and FILE.report.md beside it.

#include "document/ladderdocument.h"
#include "export/exporter.h"

#include <QObject>
#include <QPointer>
#include <QQuickTextDocument>
#include <QTimer>
#include <QVariantList>
#include <QtQml/qqmlregistration.h>

namespace ladder {

class ExportHighlighter;

class ExportModel : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(
        ladder::LadderDocument *document READ document WRITE setDocument NOTIFY documentChanged)
    // "json", "litellm" or "portkey"; the last choice is remembered.
    Q_PROPERTY(QString format READ format WRITE setFormat NOTIFY formatChanged)
    Q_PROPERTY(bool includeLayout READ includeLayout WRITE setIncludeLayout NOTIFY
                   includeLayoutChanged) // json only
    // [{id, title, description}] of the targets, in the order the list shows them.
    Q_PROPERTY(QVariantList formats READ formats CONSTANT)
    Q_PROPERTY(QString text READ text NOTIFY resultChanged)
    Q_PROPERTY(QString report READ report NOTIFY resultChanged) // Markdown, as saved
    // The report for the panel beside the preview: without its title, smaller headings.
    Q_PROPERTY(QString reportView READ reportView NOTIFY resultChanged)
    Q_PROPERTY(int lossCount READ lossCount NOTIFY resultChanged)
    Q_PROPERTY(QString problem READ problem NOTIFY resultChanged) // why there is no export
    Q_PROPERTY(QString suggestedFileName READ suggestedFileName NOTIFY resultChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged) // outcome of Copy / Save

public:
    explicit ExportModel(QObject *parent = nullptr);
    ~ExportModel() override;

    LadderDocument *document() const { return m_document; }
    void setDocument(LadderDocument *document);
    QString format() const { return toString(m_format); }
    void setFormat(const QString &format);
    bool includeLayout() const { return m_includeLayout; }
    void setIncludeLayout(bool on);
    QVariantList formats() const;
    QString text() const { return m_text; }
    QString report() const { return m_report; }
    QString reportView() const;
    int lossCount() const { return m_lossCount; }
    QString problem() const { return m_problem; }
    QString suggestedFileName() const;
    QString message() const { return m_message; }

    // Recomputes now (edits are otherwise coalesced for a moment).
    Q_INVOKABLE void refresh();
    Q_INVOKABLE void copy();
    Q_INVOKABLE bool save(const QString &path); // a local path (AppController.toLocalFile)
    // Colours the preview: JSON or YAML keys, strings, numbers and key references.
    Q_INVOKABLE void highlight(QQuickTextDocument *document, bool dark);

signals:
    void documentChanged();
    void formatChanged();
    void includeLayoutChanged();
    void resultChanged();
    void messageChanged();

private:
    void schedule();
    void setMessage(const QString &message);

    QPointer<LadderDocument> m_document;
    ExportFormat m_format = ExportFormat::LiteLlm;
    bool m_includeLayout = true;
    QString m_text;
    QString m_report;
    int m_lossCount = 0;
    QString m_problem;
    QString m_message;
    QTimer m_coalesce;
    QPointer<ExportHighlighter> m_highlighter;
};

} // namespace ladder
