// LadderDocument: new, open, save, autosave and crash recovery. Writes are atomic (QSaveFile).
#include "ladderdocument.h"

#include "common/localfile.h"
#include "core/ladder_json.h"
#include "core/pricing.h"
#include "core/resources.h"
#include "ladderdocument_p.h"

#include <QFile>
#include <QFileInfo>
#include <QSaveFile>
#include <QUrl>

namespace ladder {

using namespace document;

QStringList LadderDocument::templates() const
{
    return exampleLadderNames();
}

QString LadderDocument::templateTitle(const QString &name) const
{
    const ParseResult r = loadExampleLadder(name);
    if (!r.ladder.name.isEmpty())
        return r.ladder.name;
    QString title = name;
    title.replace(QLatin1Char('-'), QLatin1Char(' '));
    if (!title.isEmpty())
        title[0] = title[0].toUpper();
    return title;
}

// ---- Files ----------------------------------------------------------------------------------

void LadderDocument::resetTo(const Ladder &ladder, const QString &path, bool dirty)
{
    m_undo->clear();
    m_recovered = dirty;
    m_ladder = ladder;
    if (m_filePath != path) {
        m_filePath = path;
        emit filePathChanged();
    }
    rebuild();
    m_selection->clear();
    // A ladder without a layout (written by hand or by a tool) is laid out as Auto-Layout does,
    // and the positions become its layout, so they stay put through edits and are saved with
    // it. Opening is not an edit: no undo command, the document stays clean.
    if (m_ladder.layout.isEmpty() && !m_ladder.tiers.isEmpty())
        m_ladder.layout = withAutoLayout({});
    if (!dirty)
        m_undo->setClean();
    setDirty(dirty);
    emit undoStateChanged();
    emit loaded();
}

void LadderDocument::newDocument()
{
    Ladder ladder;
    ladder.name = tr("New ladder");
    Tier tier;
    tier.id = QStringLiteral("main");
    tier.label = tr("Main");
    tier.role = QStringLiteral("strong");
    tier.provider = QStringLiteral("simulated");
    tier.model = modelNames().value(0);
    if (const auto p = PricingTable::builtin().price(tier.model))
        tier.provider = p->provider;
    tier.color = handedOutTierColor(0);
    ladder.tiers.append(tier);
    ladder.entry = tier.id;
    resetTo(ladder, {}, false);
    setError({});
}

bool LadderDocument::newFromTemplate(const QString &name)
{
    const ParseResult r = loadExampleLadder(name);
    if (!r.ok()) {
        setError(r.diagnostics.value(0).toString());
        return false;
    }
    resetTo(r.ladder, {}, false);
    setError({});
    return true;
}

bool LadderDocument::load(const QString &pathOrUrl)
{
    const QString path = localFileOf(pathOrUrl);
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(tr("Cannot open %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QByteArray json = file.readAll();
    if (!loadFromJson(json, path))
        return false;
    m_filePath = QFileInfo(path).absoluteFilePath();
    emit filePathChanged();
    return true;
}

bool LadderDocument::loadFromJson(const QByteArray &json, const QString &fileName)
{
    const ParseResult r = parseLadder(json, fileName);
    if (!r.ok()) {
        QStringList lines;
        for (const Diagnostic &d : r.diagnostics) {
            if (d.severity == Diagnostic::Severity::Error && lines.size() < 5)
                lines.append(d.toString());
        }
        setError(tr("Cannot read %1:\n%2")
                     .arg(fileName.isEmpty() ? tr("the document") : fileName,
                          lines.join(QLatin1Char('\n'))));
        return false;
    }
    if (r.ladder.tiers.isEmpty() && r.ladder.entry.isEmpty()) {
        setError(tr("Cannot read %1: not a ladder document")
                     .arg(fileName.isEmpty() ? tr("the document") : fileName));
        return false;
    }
    resetTo(r.ladder, fileName.isEmpty() ? QString() : QFileInfo(fileName).absoluteFilePath(),
            false);
    setError({});
    return true;
}

QByteArray LadderDocument::toJson() const
{
    return toCanonicalJson(m_ladder);
}

bool LadderDocument::save()
{
    if (m_filePath.isEmpty()) {
        setError(tr("The document has no file yet: use Save As"));
        return false;
    }
    return saveAs(m_filePath);
}

bool LadderDocument::saveAs(const QString &pathOrUrl)
{
    QString path = localFileOf(pathOrUrl);
    if (QFileInfo(path).suffix().isEmpty())
        path += QStringLiteral(".json");
    const QByteArray json = toCanonicalJson(m_ladder);
    if (json.isEmpty()) {
        setError(tr("Cannot save %1: the document could not be serialised").arg(path));
        return false;
    }
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size() || !file.commit()) {
        setError(tr("Cannot save %1: %2").arg(path, file.errorString()));
        return false;
    }
    const QString absolute = QFileInfo(path).absoluteFilePath();
    if (absolute != m_filePath) {
        m_filePath = absolute;
        emit filePathChanged();
    }
    m_recovered = false;
    m_undo->setClean();
    setDirty(false);
    removeAutosave();
    setError({});
    return true;
}

bool LadderDocument::writeAutosave()
{
    if (m_autosavePath.isEmpty())
        return false;
    QSaveFile file(m_autosavePath);
    const QByteArray json = toCanonicalJson(m_ladder);
    if (json.isEmpty() || !file.open(QIODevice::WriteOnly) || file.write(json) != json.size() ||
        !file.commit())
        return false;
    QSaveFile source(m_autosavePath + QStringLiteral(".source"));
    if (source.open(QIODevice::WriteOnly)) {
        source.write(m_filePath.toUtf8());
        source.commit();
    }
    return true;
}

void LadderDocument::removeAutosave()
{
    if (m_autosavePath.isEmpty())
        return;
    QFile::remove(m_autosavePath);
    QFile::remove(m_autosavePath + QStringLiteral(".source"));
}

bool LadderDocument::recoverFrom(const QString &autosaveFile)
{
    QFile file(autosaveFile);
    if (!file.open(QIODevice::ReadOnly)) {
        setError(tr("Cannot open %1: %2").arg(autosaveFile, file.errorString()));
        return false;
    }
    const ParseResult r = parseLadder(file.readAll(), autosaveFile);
    if (!r.ok()) {
        setError(tr("Cannot recover %1: %2").arg(autosaveFile, r.diagnostics.value(0).toString()));
        return false;
    }
    QString source;
    QFile sourceFile(autosaveFile + QStringLiteral(".source"));
    if (sourceFile.open(QIODevice::ReadOnly))
        source = QString::fromUtf8(sourceFile.readAll()).trimmed();
    resetTo(r.ladder, source, true);
    setError({});
    return true;
}

} // namespace ladder
