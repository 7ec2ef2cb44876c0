#pragma once

// Settings → Providers: which providers file (providers/1, see providers/provider_config.h) the
// studio's Chat and Compare sessions run on, and an editor for its entries. No file means the
// embedded default, the simulated provider. The choice is kept in QSettings ("providers/file");
// `--providers FILE` picks one for a single run. Edits are checked as they are made (problems
// name the file and the JSON path), saved atomically and undoable. "Check" sends the same tiny
// request per model as `ladder providers check`, without blocking the UI. A key typed here goes
// to the OS keychain (when built with QtKeychain) and is never shown, logged or kept.

#include "providers/provider_config.h"

#include <QAbstractListModel>
#include <QHash>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <functional>
#include <memory>

class QQmlEngine;
class QJSEngine;

namespace ladder {

struct ProviderCheckResult;
struct ProviderCheckTarget;

class ProviderSettings : public QAbstractListModel
{
    Q_OBJECT
    QML_ELEMENT
    QML_SINGLETON
    // The active providers file; empty: the simulated provider answers every provider id.
    Q_PROPERTY(QString file READ file NOTIFY fileChanged)
    Q_PROPERTY(QString fileName READ fileName NOTIFY fileChanged)
    Q_PROPERTY(bool simulated READ simulated NOTIFY activeConfigChanged)
    // Errors and warnings, "file: /json/path: message": of a file that did not open, then of the
    // entries as edited. fileProblems: those that no entry shows itself (ProblemsRole), each as
    // {text, severity: "error" | "warning"}.
    Q_PROPERTY(QStringList problems READ problems NOTIFY problemsChanged)
    Q_PROPERTY(QVariantList fileProblems READ fileProblems NOTIFY problemsChanged)
    Q_PROPERTY(bool hasErrors READ hasErrors NOTIFY problemsChanged)
    Q_PROPERTY(bool dirty READ dirty NOTIFY editStateChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY editStateChanged)
    Q_PROPERTY(bool checking READ checking NOTIFY checkingChanged)
    Q_PROPERTY(QString message READ message NOTIFY messageChanged) // outcome of the last action
    Q_PROPERTY(bool keychainAvailable READ keychainAvailable CONSTANT)
    Q_PROPERTY(QStringList kinds READ kinds CONSTANT)
    // Timeouts are whole milliseconds from 0 (off) to this (24 hours).
    Q_PROPERTY(int maxTimeoutMs READ maxTimeoutMs CONSTANT)

public:
    enum Roles {
        ProviderIdRole = Qt::UserRole + 1,
        KindRole,
        BaseUrlRole,
        KeyEnvRole,
        KeychainRole,
        ModelsRole,     // QStringList
        ModelsTextRole, // "a, b"
        KeyStatusRole,  // whether the key_env variable is set (the keychain is asked on Check)
        ChecksRole,   // [{model, state: idle|running|ok|failed, status, ttft, price, key, message}]
        ProblemsRole, // this entry's problems: [{text: "json/path: message", severity}]
        ConnectMsRole, // timeouts in milliseconds, 0: off
        FirstTokenMsRole,
        IdleMsRole,
        TotalMsRole,
        PricesTextRole, // "model = in / out / cached; ..." in USD per 1M tokens
    };
    Q_ENUM(Roles)

    // Not default-constructible: QML must use create(), which returns the one instance.
    explicit ProviderSettings(QObject *parent);
    ~ProviderSettings() override;

    // The one instance the app uses (simulated until restore() or open()).
    static ProviderSettings *instance();
    static ProviderSettings *create(QQmlEngine *, QJSEngine *);
    // Opens the file QSettings remembers, if any.
    void restore();

    QString file() const { return m_file; }
    QString fileName() const;
    bool simulated() const { return !m_active; }
    QStringList problems() const;
    QVariantList fileProblems() const;
    bool hasErrors() const; // of the entries as edited
    bool dirty() const { return m_edited != m_saved; }
    bool canUndo() const { return !m_undo.isEmpty(); }
    bool checking() const { return !m_checks.isEmpty(); }
    QString message() const { return m_message; }
    static bool keychainAvailable();
    static QStringList kinds() { return knownProviderKinds(); }
    static int maxTimeoutMs() { return kMaxTimeoutMs; }

    // What sessions run on: null for the simulated provider, else the file as last loaded or
    // saved without errors.
    std::shared_ptr<const ProviderConfig> activeConfig() const { return m_active; }
    std::shared_ptr<const KeySource> keys() const { return m_keys; }
    const ProviderConfig &edited() const { return m_edited; }
    // Not remembered in QSettings (the command line's --providers, screenshots, tests).
    void setRemember(bool remember) { m_remember = remember; }

    // Loads a providers file and makes it active. With errors it stays inactive (the previous
    // choice holds) and problems() says why; false then.
    Q_INVOKABLE bool open(const QString &pathOrUrl);
    // Writes a new file with one OpenAI-compatible entry, then opens it.
    Q_INVOKABLE bool create(const QString &pathOrUrl);
    Q_INVOKABLE void useSimulated();
    Q_INVOKABLE bool save();   // false with problems, or when the file cannot be written
    Q_INVOKABLE void revert(); // reloads the file, dropping edits
    Q_INVOKABLE bool undo();

    Q_INVOKABLE int addProvider(const QString &kind);
    Q_INVOKABLE void removeProvider(int row);
    // field: id, kind, base_url, key_env, keychain, models ("a, b" or a list), the timeouts
    // connect_ms, first_token_ms, idle_ms, total_ms (whole milliseconds, 0: off), and prices
    // ("model = input / output [/ cached input]; ..." in USD per 1M tokens). A value that is no
    // timeout or no price list is refused: false, and message() says why.
    Q_INVOKABLE bool setField(int row, const QString &field, const QVariant &value);

    // One tiny request per model of the entry (only `model` when given), on the edited entries.
    Q_INVOKABLE void check(int row, const QString &model = {});
    Q_INVOKABLE void cancelChecks();
    // Puts `key` into the entry's keychain item (ladder-studio/<id> when none is named yet).
    Q_INVOKABLE void storeKey(int row, const QString &key);

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role) const override;
    QHash<int, QByteArray> roleNames() const override;

signals:
    void fileChanged();
    void activeConfigChanged(); // also when keys may have changed (a key was stored)
    void problemsChanged();
    void editStateChanged();
    void checkingChanged();
    void messageChanged();
    void keyStored(bool ok); // after storeKey()

private:
    void edit(const std::function<void()> &change); // undo snapshot, change, revalidate
    void validate();
    static bool belongsToRow(const Diagnostic &d, int row);
    void setActive(std::shared_ptr<const ProviderConfig> config);
    void setFile(const QString &file);
    void setMessage(const QString &message);
    void resetEdited(const ProviderConfig &config);
    void recordCheck(const ProviderCheckResult &result);
    void setCheckState(const ProviderCheckTarget &target, const QString &state);
    int rowOf(const QString &providerId) const;
    static QString checkKey(const QString &providerId, const QString &model);

    QString m_file;
    ProviderConfig m_saved;  // as on disk
    ProviderConfig m_edited; // what the list shows
    QList<ProviderConfig> m_undo;
    Diagnostics m_loadProblems; // of the last open() that failed
    Diagnostics m_problems;     // of m_edited
    std::shared_ptr<const ProviderConfig> m_active;
    std::shared_ptr<const KeySource> m_keys;
    QHash<QString, QVariantMap> m_checkStates; // checkKey() -> the ChecksRole map
    QList<QObject *> m_checks;                 // running ProviderCheck objects
    QString m_message;
    bool m_remember = true;
};

} // namespace ladder
