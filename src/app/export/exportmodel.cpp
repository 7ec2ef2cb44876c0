#include "exportmodel.h"

#include "document/ladderdocument.h"
#include "exporthighlighter.h"
#include "followdocument.h"
#include "settings/providersettings.h"

#include <QClipboard>
#include <QFileInfo>
#include <QGuiApplication>
#include <QQuickTextDocument>
#include <QSaveFile>
#include <QSettings>

namespace ladder {

using namespace Qt::StringLiterals;

namespace {

const QString kFormatKey = u"export/format"_s;
constexpr int kCoalesceMs = 120; // a burst of edits (a node drag) becomes one export

bool writeAtomically(const QString &path, const QByteArray &bytes, QString *error)
{
    QSaveFile file(path);
    if (file.open(QIODevice::WriteOnly) && file.write(bytes) == bytes.size() && file.commit())
        return true;
    *error = QObject::tr("Cannot write %1: %2").arg(path, file.errorString());
    return false;
}

} // namespace

ExportModel::ExportModel(QObject *parent)
    : QObject(parent)
{
    if (const auto saved = exportFormatFromString(QSettings().value(kFormatKey).toString()))
        m_format = *saved;
    m_coalesce.setSingleShot(true);
    m_coalesce.setInterval(kCoalesceMs);
    connect(&m_coalesce, &QTimer::timeout, this, &ExportModel::refresh);
    connect(ProviderSettings::instance(), &ProviderSettings::activeConfigChanged, this,
            &ExportModel::schedule);
}

ExportModel::~ExportModel() = default;

void ExportModel::setDocument(LadderDocument *document)
{
    if (!followDocument(m_document, document, this, &ExportModel::schedule, &ExportModel::refresh,
                        FollowGeometry::Yes))
        return;
    emit documentChanged();
    refresh();
}

void ExportModel::setFormat(const QString &format)
{
    const auto f = exportFormatFromString(format);
    if (!f || *f == m_format)
        return;
    m_format = *f;
    QSettings().setValue(kFormatKey, format);
    if (m_highlighter)
        m_highlighter->setLanguage(m_format == ExportFormat::LiteLlm
                                       ? ExportHighlighter::Language::Yaml
                                       : ExportHighlighter::Language::Json);
    emit formatChanged();
    refresh();
}

void ExportModel::setIncludeLayout(bool on)
{
    if (m_includeLayout == on)
        return;
    m_includeLayout = on;
    emit includeLayoutChanged();
    refresh();
}

QVariantList ExportModel::formats() const
{
    return {
        QVariantMap{{u"id"_s, u"litellm"_s},
                    {u"title"_s, tr("LiteLLM")},
                    {u"description"_s, tr("Proxy config.yaml: a model group per tier and per "
                                          "fallback, router fallbacks and retries.")}},
        QVariantMap{{u"id"_s, u"portkey"_s},
                    {u"title"_s, tr("Portkey")},
                    {u"description"_s, tr("Gateway config: conditional routing by metadata, a "
                                          "fallback chain per tier.")}},
        QVariantMap{{u"id"_s, u"json"_s},
                    {u"title"_s, tr("Ladder JSON")},
                    {u"description"_s, tr("The canonical ladder/1 document: nothing lost.")}},
    };
}

QString ExportModel::reportView() const
{
    QStringList lines = m_report.split(u'\n');
    if (!lines.isEmpty() && lines.first().startsWith(u"# "_s))
        lines.removeFirst();
    for (QString &line : lines)
        if (line.startsWith(u"## "_s))
            line.prepend(u"##"_s);
    return lines.join(u'\n').trimmed();
}

QString ExportModel::suggestedFileName() const
{
    const QString stem = m_document ? exportSlug(m_document->ladderName()) : u"ladder"_s;
    switch (m_format) {
    case ExportFormat::Json:
        return stem + u".json"_s;
    case ExportFormat::LiteLlm:
        return stem + u".litellm.yaml"_s;
    case ExportFormat::Portkey:
        return stem + u".portkey.json"_s;
    }
    return stem;
}

void ExportModel::schedule()
{
    m_coalesce.start();
}

void ExportModel::refresh()
{
    m_coalesce.stop();
    m_text.clear();
    m_report.clear();
    m_problem.clear();
    m_lossCount = 0;
    if (m_document) {
        const std::shared_ptr<const ProviderConfig> providers =
            ProviderSettings::instance()->activeConfig();
        ExportOptions options;
        options.providers = providers.get();
        options.includeLayout = m_includeLayout;
        options.fileName = m_document->displayName();
        const ExportResult result = exportLadder(m_document->ladder(), m_format, options);
        if (result.ok()) {
            m_text = QString::fromUtf8(result.text);
            m_report = result.report.toMarkdown();
            m_lossCount = int(result.report.items.size());
        } else {
            QStringList lines;
            for (const Diagnostic &d : result.diagnostics)
                lines << d.toString();
            m_problem = lines.join(u'\n');
        }
    }
    emit resultChanged();
}

void ExportModel::copy()
{
    if (m_coalesce.isActive())
        refresh();
    if (m_text.isEmpty())
        return;
    if (QClipboard *clipboard = QGuiApplication::clipboard())
        clipboard->setText(m_text);
    setMessage(tr("Copied the %1 export.").arg(exportFormatTitle(m_format)));
}

bool ExportModel::save(const QString &path)
{
    if (m_coalesce.isActive())
        refresh();
    if (m_text.isEmpty()) {
        setMessage(m_problem);
        return false;
    }
    QString error;
    if (!writeAtomically(path, m_text.toUtf8(), &error) ||
        !writeAtomically(lossReportPath(path), m_report.toUtf8(), &error)) {
        setMessage(error);
        return false;
    }
    setMessage(tr("Saved %1 and %2.")
                   .arg(QFileInfo(path).fileName(), QFileInfo(lossReportPath(path)).fileName()));
    return true;
}

void ExportModel::highlight(QQuickTextDocument *document, bool dark)
{
    if (!document || !document->textDocument())
        return;
    if (!m_highlighter || m_highlighter->document() != document->textDocument()) {
        delete m_highlighter;
        m_highlighter = new ExportHighlighter(document->textDocument());
    }
    m_highlighter->setDark(dark);
    m_highlighter->setLanguage(m_format == ExportFormat::LiteLlm
                                   ? ExportHighlighter::Language::Yaml
                                   : ExportHighlighter::Language::Json);
}

void ExportModel::setMessage(const QString &message)
{
    m_message = message;
    emit messageChanged();
}

} // namespace ladder
