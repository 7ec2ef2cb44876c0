#include "providersettings.h"

#include "common/localfile.h"
#include "providerentryfields.h"
#include "providers/key_source.h"
#include "providers/provider_check.h"

#include <QFileInfo>
#include <QJSEngine>
#include <QSettings>
#include <QUrl>

#include <cmath>
#include <optional>

namespace ladder {

using namespace providerfields;

namespace {

const QString kSettingsKey = QStringLiteral("providers/file");
constexpr int kMaxUndo = 100;

} // namespace

ProviderSettings::ProviderSettings(QObject *parent)
    : QAbstractListModel(parent)
    , m_keys(defaultKeySource())
{}

ProviderSettings::~ProviderSettings() = default;

ProviderSettings *ProviderSettings::instance()
{
    static ProviderSettings *settings = new ProviderSettings(nullptr);
    return settings;
}

void ProviderSettings::restore()
{
    const QString file = QSettings().value(kSettingsKey).toString();
    if (!file.isEmpty())
        open(file); // on errors the simulated provider answers and Settings says why
}

ProviderSettings *ProviderSettings::create(QQmlEngine *, QJSEngine *)
{
    ProviderSettings *s = instance();
    QJSEngine::setObjectOwnership(s, QJSEngine::CppOwnership);
    return s;
}

QString ProviderSettings::fileName() const
{
    return QFileInfo(m_file).fileName();
}

QStringList ProviderSettings::problems() const
{
    QStringList out;
    for (const Diagnostic &d : m_loadProblems + m_problems)
        out << d.toString();
    return out;
}

bool ProviderSettings::belongsToRow(const Diagnostic &d, int row)
{
    const QString prefix = QStringLiteral("/providers/%1").arg(row);
    return d.path == prefix || d.path.startsWith(prefix + QLatin1Char('/'));
}

QVariantList ProviderSettings::fileProblems() const
{
    QVariantList out;
    for (const Diagnostic &d : m_loadProblems)
        out << problemRow(d);
    for (const Diagnostic &d : m_problems) {
        bool shown = false;
        for (int row = 0; row < m_edited.providers.size() && !shown; ++row)
            shown = belongsToRow(d, row);
        if (!shown)
            out << problemRow(d);
    }
    return out;
}

bool ProviderSettings::hasErrors() const
{
    return ladder::hasErrors(m_problems);
}

bool ProviderSettings::keychainAvailable()
{
    return KeychainKeySource::available();
}

void ProviderSettings::setFile(const QString &file)
{
    if (m_file == file)
        return;
    m_file = file;
    emit fileChanged();
}

void ProviderSettings::setMessage(const QString &message)
{
    if (m_message == message)
        return;
    m_message = message;
    emit messageChanged();
}

void ProviderSettings::setActive(std::shared_ptr<const ProviderConfig> config)
{
    m_active = std::move(config);
    emit activeConfigChanged();
}

void ProviderSettings::resetEdited(const ProviderConfig &config)
{
    beginResetModel();
    m_saved = config;
    m_edited = config;
    m_undo.clear();
    m_checkStates.clear();
    endResetModel();
    emit editStateChanged();
}

bool ProviderSettings::open(const QString &pathOrUrl)
{
    const QString path = localFileOf(pathOrUrl);
    Diagnostics diagnostics;
    const ProviderConfig config = ProviderConfig::load(path, &diagnostics);
    if (ladder::hasErrors(diagnostics)) {
        m_loadProblems = diagnostics;
        emit problemsChanged();
        setMessage(tr("%1 has errors; %2")
                       .arg(QFileInfo(path).fileName(),
                            m_active ? tr("the providers in use stay as they were")
                                     : tr("the simulated provider answers")));
        return false;
    }
    m_loadProblems.clear();
    m_problems = diagnostics; // warnings
    resetEdited(config);
    emit problemsChanged();
    setFile(path);
    if (m_remember)
        QSettings().setValue(kSettingsKey, path);
    setActive(std::make_shared<const ProviderConfig>(config));
    setMessage({}); // the file's line says that new chats use it
    return true;
}

bool ProviderSettings::create(const QString &pathOrUrl)
{
    const QString path = localFileOf(pathOrUrl);
    ProviderConfig config;
    config.providers << newEntry(QStringLiteral("openai"), QStringLiteral("openai"));
    QString error;
    if (!config.save(path, &error)) {
        setMessage(error);
        return false;
    }
    return open(path);
}

void ProviderSettings::useSimulated()
{
    cancelChecks();
    resetEdited({});
    m_loadProblems.clear();
    m_problems.clear();
    emit problemsChanged();
    setFile({});
    if (m_remember)
        QSettings().remove(kSettingsKey);
    setActive(nullptr);
    setMessage(tr("New chats and comparisons run on the simulated provider."));
}

bool ProviderSettings::save()
{
    if (m_file.isEmpty())
        return false;
    validate();
    if (hasErrors()) {
        setMessage(tr("Not saved: fix the problems first."));
        return false;
    }
    QString error;
    if (!m_edited.save(m_file, &error)) {
        setMessage(error);
        return false;
    }
    m_saved = m_edited;
    emit editStateChanged();
    setActive(std::make_shared<const ProviderConfig>(m_edited));
    setMessage(tr("Saved %1. New chats and comparisons use it.").arg(fileName()));
    return true;
}

void ProviderSettings::revert()
{
    if (!m_file.isEmpty())
        open(m_file);
}

bool ProviderSettings::undo()
{
    if (m_undo.isEmpty())
        return false;
    beginResetModel();
    m_edited = m_undo.takeLast();
    endResetModel();
    validate();
    emit editStateChanged();
    return true;
}

void ProviderSettings::edit(const std::function<void()> &change)
{
    m_undo.append(m_edited);
    if (m_undo.size() > kMaxUndo)
        m_undo.removeFirst();
    change();
    validate();
    emit editStateChanged();
}

void ProviderSettings::validate()
{
    // The file as it would be written, read back: problems carry the paths the file will have.
    Diagnostics diagnostics;
    ProviderConfig::fromJson(m_edited.toJson(), &diagnostics,
                             m_file.isEmpty() ? QStringLiteral("providers.json") : m_file);
    m_problems = diagnostics;
    m_loadProblems.clear(); // an edit moves on from a file that did not open
    emit problemsChanged();
    if (!m_edited.providers.isEmpty())
        emit dataChanged(index(0), index(int(m_edited.providers.size()) - 1), {ProblemsRole});
}

int ProviderSettings::addProvider(const QString &kind)
{
    if (!knownProviderKinds().contains(kind))
        return -1;
    QString id = kind;
    for (int n = 2; m_edited.entry(id); ++n)
        id = QStringLiteral("%1-%2").arg(kind).arg(n);
    const int row = int(m_edited.providers.size());
    edit([&] {
        beginInsertRows({}, row, row);
        m_edited.providers.append(newEntry(id, kind));
        endInsertRows();
    });
    return row;
}

void ProviderSettings::removeProvider(int row)
{
    if (row < 0 || row >= m_edited.providers.size())
        return;
    edit([&] {
        beginRemoveRows({}, row, row);
        m_edited.providers.removeAt(row);
        endRemoveRows();
    });
}

bool ProviderSettings::setField(int row, const QString &field, const QVariant &value)
{
    if (row < 0 || row >= m_edited.providers.size())
        return false;
    ProviderConfigEntry changed = m_edited.providers.at(row);
    const QString text = value.toString().trimmed();
    if (field == QLatin1String("id")) {
        if (changed.keychain == defaultKeychain(changed.id))
            changed.keychain = defaultKeychain(text);
        changed.id = text;
        for (ModelPrice &p : changed.prices)
            p.provider = text;
    } else if (field == QLatin1String("kind")) {
        // Values that were the old kind's defaults follow the kind; the user's own stay.
        const ProviderKindDefaults before = providerKindDefaults(changed.kind);
        const ProviderKindDefaults after = providerKindDefaults(text);
        if (changed.baseUrl.isEmpty() || changed.baseUrl == before.baseUrl)
            changed.baseUrl = after.baseUrl;
        if (changed.keyEnv.isEmpty() || changed.keyEnv == before.keyEnv)
            changed.keyEnv = after.keyEnv;
        if (changed.models.isEmpty() || changed.models == firstModelsOf(changed.kind))
            changed.models = firstModelsOf(text);
        changed.kind = text;
    } else if (field == QLatin1String("base_url")) {
        changed.baseUrl = QUrl(text);
    } else if (field == QLatin1String("key_env")) {
        changed.keyEnv = text;
    } else if (field == QLatin1String("keychain")) {
        changed.keychain = text;
    } else if (field == QLatin1String("models")) {
        changed.models = modelList(value);
    } else if (field == QLatin1String("prices")) {
        QString bad;
        const auto prices = parsePrices(text, changed.id, &bad);
        if (!prices) {
            setMessage(tr("Prices of %1: \"%2\" is not a price. Write model = input / output "
                          "[/ cached input], in USD per 1M tokens, items separated by \";\".")
                           .arg(changed.id, bad));
            return false;
        }
        changed.prices = *prices;
    } else if (const TimeoutField *timeout = timeoutField(field)) {
        const std::optional<int> ms = timeoutMs(value);
        if (!ms) {
            setMessage(tr("%1 of %2: \"%3\" is not a timeout. Use whole milliseconds from 0 (off) "
                          "to %4 (24 hours).")
                           .arg(tr(timeout->label), changed.id, text)
                           .arg(kMaxTimeoutMs));
            return false;
        }
        changed.timeouts.*(timeout->member) = *ms;
    } else {
        return false;
    }
    if (changed == m_edited.providers.at(row))
        return true;
    edit([&] { m_edited.providers[row] = changed; });
    emit dataChanged(index(row), index(row));
    return true;
}

QString ProviderSettings::checkKey(const QString &providerId, const QString &model)
{
    return providerId + QLatin1Char('\n') + model;
}

int ProviderSettings::rowOf(const QString &providerId) const
{
    for (int i = 0; i < m_edited.providers.size(); ++i) {
        if (m_edited.providers.at(i).id == providerId)
            return i;
    }
    return -1;
}

void ProviderSettings::setCheckState(const ProviderCheckTarget &target, const QString &state)
{
    m_checkStates[checkKey(target.providerId, target.model)] =
        QVariantMap{{QStringLiteral("model"), target.model}, {QStringLiteral("state"), state}};
    if (const int row = rowOf(target.providerId); row >= 0)
        emit dataChanged(index(row), index(row), {ChecksRole});
}

void ProviderSettings::recordCheck(const ProviderCheckResult &result)
{
    m_checkStates[checkKey(result.providerId, result.model)] = QVariantMap{
        {QStringLiteral("model"), result.model},
        {QStringLiteral("state"), result.ok() ? QStringLiteral("ok") : QStringLiteral("failed")},
        {QStringLiteral("status"), result.status()},
        {QStringLiteral("ttft"), result.ttftText()},
        {QStringLiteral("price"), result.priceText()},
        {QStringLiteral("key"), result.keySource},
        {QStringLiteral("message"), result.error ? result.error->message : QString()},
    };
    if (const int row = rowOf(result.providerId); row >= 0)
        emit dataChanged(index(row), index(row), {ChecksRole});
}

void ProviderSettings::check(int row, const QString &model)
{
    if (row < 0 || row >= m_edited.providers.size())
        return;
    const ProviderConfigEntry &entry = m_edited.providers.at(row);
    for (const Diagnostic &d : std::as_const(m_problems)) {
        if (d.severity == Diagnostic::Severity::Error && belongsToRow(d, row)) {
            setMessage(tr("Fix the problems of %1 before checking it.").arg(entry.id));
            return;
        }
    }
    const QList<ProviderCheckTarget> targets = model.isEmpty()
                                                   ? ProviderCheck::targetsOf(m_edited, entry.id)
                                                   : QList<ProviderCheckTarget>{{entry.id, model}};
    if (targets.isEmpty()) {
        setMessage(tr("%1 lists no models to check.").arg(entry.id));
        return;
    }
    auto *check = new ProviderCheck(m_edited, m_keys, this);
    for (const ProviderCheckTarget &t : targets)
        setCheckState(t, QStringLiteral("queued"));
    connect(check, &ProviderCheck::targetStarted, this,
            [this](const ProviderCheckTarget &t) { setCheckState(t, QStringLiteral("running")); });
    connect(check, &ProviderCheck::checked, this, &ProviderSettings::recordCheck);
    connect(check, &ProviderCheck::finished, this, [this, check] {
        m_checks.removeOne(check);
        check->deleteLater();
        emit checkingChanged();
    });
    m_checks.append(check);
    check->start(targets);
    emit checkingChanged();
}

void ProviderSettings::cancelChecks()
{
    for (QObject *check : std::as_const(m_checks))
        static_cast<ProviderCheck *>(check)->cancel();
}

void ProviderSettings::storeKey(int row, const QString &key)
{
    if (row < 0 || row >= m_edited.providers.size() || key.trimmed().isEmpty())
        return;
    if (m_edited.providers.at(row).keychain.isEmpty())
        setField(row, QStringLiteral("keychain"), defaultKeychain(m_edited.providers.at(row).id));
    const ProviderConfigEntry entry = m_edited.providers.at(row);
    storeKeychainKey(
        entry.keychain, entry.id, key.trimmed(), this, [this, entry](const QString &error) {
            if (!error.isEmpty()) {
                setMessage(tr("The key was not stored: %1").arg(error));
                emit keyStored(false);
                return;
            }
            m_keys = defaultKeySource(); // forget cached keychain misses
            setMessage(
                tr("The key for %1 is in the keychain item %2.").arg(entry.id, entry.keychain));
            emit keyStored(true);
            emit activeConfigChanged();
        });
}

int ProviderSettings::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_edited.providers.size());
}

QVariant ProviderSettings::data(const QModelIndex &index, int role) const
{
    if (!index.isValid() || index.row() >= m_edited.providers.size())
        return {};
    const ProviderConfigEntry &e = m_edited.providers.at(index.row());
    switch (role) {
    case Qt::DisplayRole:
    case ProviderIdRole:
        return e.id;
    case KindRole:
        return e.kind;
    case BaseUrlRole:
        return e.baseUrl.toString();
    case KeyEnvRole:
        return e.keyEnv;
    case KeychainRole:
        return e.keychain;
    case ModelsRole:
        return e.models;
    case ModelsTextRole:
        return e.models.join(QStringLiteral(", "));
    case KeyStatusRole:
        if (e.kind == QLatin1String("simulated"))
            return tr("no key needed");
        if (e.keyEnv.isEmpty())
            return QString();
        return EnvKeySource().lookup(e.keyRef()).key.isEmpty() ? tr("%1 is not set").arg(e.keyEnv)
                                                               : tr("%1 is set").arg(e.keyEnv);
    case ChecksRole: {
        QVariantList checks;
        for (const QString &model : e.models)
            checks << m_checkStates.value(
                checkKey(e.id, model),
                QVariantMap{{QStringLiteral("model"), model},
                            {QStringLiteral("state"), QStringLiteral("idle")}});
        return checks;
    }
    case ConnectMsRole:
        return e.timeouts.connectMs;
    case FirstTokenMsRole:
        return e.timeouts.firstTokenMs;
    case IdleMsRole:
        return e.timeouts.idleMs;
    case TotalMsRole:
        return e.timeouts.totalMs;
    case PricesTextRole:
        return pricesText(e.prices);
    case ProblemsRole: {
        const qsizetype prefix = QStringLiteral("/providers/%1").arg(index.row()).size();
        QVariantList out;
        for (const Diagnostic &d : m_problems) {
            if (belongsToRow(d, index.row())) {
                Diagnostic local = d;
                local.file.clear();
                local.path = d.path.mid(prefix + 1); // "base_url", "models/1"
                out << problemRow(local);
            }
        }
        return out;
    }
    default:
        return {};
    }
}

QHash<int, QByteArray> ProviderSettings::roleNames() const
{
    return {{ProviderIdRole, "providerId"}, {KindRole, "kind"},
            {BaseUrlRole, "baseUrl"},       {KeyEnvRole, "keyEnv"},
            {KeychainRole, "keychain"},     {ModelsRole, "models"},
            {ModelsTextRole, "modelsText"}, {KeyStatusRole, "keyStatus"},
            {ChecksRole, "checks"},         {ProblemsRole, "problems"},
            {ConnectMsRole, "connectMs"},   {FirstTokenMsRole, "firstTokenMs"},
            {IdleMsRole, "idleMs"},         {TotalMsRole, "totalMs"},
            {PricesTextRole, "pricesText"}};
}

} // namespace ladder
