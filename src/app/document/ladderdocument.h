#pragma once

// One open ladder: the Ladder value, its file, the undo stack and the graph models the canvas
// draws. Every user action is a QUndoCommand (laddercommands.h); validation re-runs after each
// semantic change and marks nodes and edges. The document owns three helpers with one job each:
// `selection` (what is selected), `clipboard` (copy, cut, paste, duplicate of nodes) and
// `inspector` (the fields of the selected element, read and written by the inspector forms).
// The implementation is split over ladderdocument*.cpp (see the top of ladderdocument.cpp).

#include "core/diagnostics.h"
#include "core/ladder.h"
#include "core/pricing.h"
#include "graph.h"
#include "graphmodels.h"
#include "ladderclipboard.h"
#include "ladderinspector.h"
#include "ladderselection.h"

#include <QObject>
#include <QPointF>
#include <QRectF>
#include <QSet>
#include <QTimer>
#include <QUndoStack>
#include <QVariantMap>
#include <QtQml/qqmlregistration.h>

#include <memory>

namespace ladder {

struct ProviderConfig;

class LadderDocument : public QObject
{
    Q_OBJECT
    QML_ELEMENT
    Q_PROPERTY(ladder::NodeListModel *nodes READ nodes CONSTANT)
    Q_PROPERTY(ladder::EdgeListModel *edges READ edges CONSTANT)
    Q_PROPERTY(ladder::ProblemListModel *problems READ problems CONSTANT)
    Q_PROPERTY(QString filePath READ filePath NOTIFY filePathChanged)
    Q_PROPERTY(QString displayName READ displayName NOTIFY filePathChanged)
    Q_PROPERTY(QString ladderName READ ladderName NOTIFY documentChanged)
    Q_PROPERTY(bool dirty READ isDirty NOTIFY dirtyChanged)
    Q_PROPERTY(bool canUndo READ canUndo NOTIFY undoStateChanged)
    Q_PROPERTY(bool canRedo READ canRedo NOTIFY undoStateChanged)
    Q_PROPERTY(QString undoText READ undoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString redoText READ redoText NOTIFY undoStateChanged)
    Q_PROPERTY(QString errorString READ errorString NOTIFY errorStringChanged)
    Q_PROPERTY(ladder::LadderSelection *selection READ selection CONSTANT)
    Q_PROPERTY(ladder::LadderClipboard *clipboard READ clipboard CONSTANT)
    Q_PROPERTY(ladder::LadderInspector *inspector READ inspector CONSTANT)
    Q_PROPERTY(QRectF contentBounds READ contentBounds NOTIFY geometryChanged)
    Q_PROPERTY(bool snapToGrid READ snapToGrid WRITE setSnapToGrid NOTIFY snapToGridChanged)
    // Between beginMove() and endMove(): nodes are being dragged.
    Q_PROPERTY(bool moving READ isMoving NOTIFY movingChanged)
    Q_PROPERTY(double gridSize READ gridSize CONSTANT)
    Q_PROPERTY(
        QString autosavePath READ autosavePath WRITE setAutosavePath NOTIFY autosavePathChanged)
    Q_PROPERTY(QStringList templates READ templates CONSTANT)
    // The models and providers the inspector offers: the pricing table's, the built-in providers
    // and those of the active provider configuration (`providerModels`: provider id -> models).
    Q_PROPERTY(QStringList modelNames READ modelNames NOTIFY catalogueChanged)
    Q_PROPERTY(QStringList providerNames READ providerNames NOTIFY catalogueChanged)
    Q_PROPERTY(QVariantMap providerModels READ providerModels WRITE setProviderModels NOTIFY
                   catalogueChanged)

public:
    explicit LadderDocument(QObject *parent = nullptr);
    ~LadderDocument() override;

    NodeListModel *nodes() const { return m_nodes; }
    EdgeListModel *edges() const { return m_edges; }
    ProblemListModel *problems() const { return m_problems; }
    QUndoStack *undoStack() const { return m_undo; }
    const Ladder &ladder() const { return m_ladder; }
    const LadderGraph &graph() const { return m_graph; }
    const Diagnostics &diagnostics() const { return m_diagnostics; }

    QString filePath() const { return m_filePath; }
    QString displayName() const;
    QString ladderName() const { return m_ladder.name; }
    bool isDirty() const { return m_dirty; }
    bool canUndo() const { return m_undo->canUndo(); }
    bool canRedo() const { return m_undo->canRedo(); }
    QString undoText() const { return m_undo->undoText(); }
    QString redoText() const { return m_undo->redoText(); }
    QString errorString() const { return m_error; }
    LadderSelection *selection() const { return m_selection; }
    LadderClipboard *clipboard() const { return m_clipboard; }
    LadderInspector *inspector() const { return m_inspector; }
    QRectF contentBounds() const;
    bool snapToGrid() const { return m_snap; }
    bool isMoving() const { return m_moving; }
    void setSnapToGrid(bool on);
    double gridSize() const { return 20; }
    QString autosavePath() const { return m_autosavePath; }
    void setAutosavePath(const QString &path);
    QStringList templates() const;
    QStringList modelNames() const;
    QStringList providerNames() const;
    QVariantMap providerModels() const;
    void setProviderModels(const QVariantMap &modelsByProvider); // ids and models, no prices
    // The providers of a run (Settings → Providers): their ids and models become pickable, and
    // the Problems panel checks the ladder against them and the file's prices, as `ladder
    // validate --providers FILE` does. Null: the built-in providers and prices only.
    void setProviderConfig(std::shared_ptr<const ProviderConfig> config);

    // File handling. Failures set errorString (naming the file) and return false.
    Q_INVOKABLE void newDocument();
    Q_INVOKABLE bool newFromTemplate(const QString &name);
    Q_INVOKABLE bool load(const QString &pathOrUrl);
    Q_INVOKABLE bool loadFromJson(const QByteArray &json, const QString &fileName = {});
    Q_INVOKABLE bool save();
    Q_INVOKABLE bool saveAs(const QString &pathOrUrl);
    Q_INVOKABLE QByteArray toJson() const; // canonical text
    Q_INVOKABLE bool writeAutosave();
    Q_INVOKABLE void removeAutosave();
    Q_INVOKABLE bool recoverFrom(const QString &autosaveFile);
    Q_INVOKABLE QString templateTitle(const QString &name) const;

    // Edits: each pushes one undoable command.
    Q_INVOKABLE QString addNode(const QString &kind, double x, double y);
    Q_INVOKABLE void deleteSelection();
    Q_INVOKABLE void beginMove(const QString &grabbedKey);
    Q_INVOKABLE void dragMove(double dx, double dy);
    Q_INVOKABLE void endMove();
    Q_INVOKABLE bool connectNodes(const QString &fromKey, const QString &toKey);
    Q_INVOKABLE bool reconnectEdge(const QString &edgeKey, const QString &fromKey,
                                   const QString &toKey);
    Q_INVOKABLE void deleteEdge(const QString &edgeKey);
    Q_INVOKABLE void align(const QString &mode); // left, right, top, bottom, hcenter, vcenter
    Q_INVOKABLE void autoLayout();
    Q_INVOKABLE void undo() { m_undo->undo(); }
    Q_INVOKABLE void redo() { m_undo->redo(); }

    // Queries for the canvas and the Problems list.
    Q_INVOKABLE QString nodeAt(double x, double y) const;
    Q_INVOKABLE QRectF elementRect(const QString &key) const;
    Q_INVOKABLE QString targetOfPath(const QString &jsonPath) const;
    Q_INVOKABLE double priceIn(const QString &model) const;
    Q_INVOKABLE double priceOut(const QString &model) const;
    Q_INVOKABLE QString providerOf(const QString &model) const;

    // The first error on an element (node or edge key), empty when it has none.
    QString problemOf(const QString &key) const { return m_problemOf.value(key); }
    // Failures of an edit or a paste (errorString).
    void setError(const QString &message);

    // Used by commands.
    void applyLadder(const Ladder &ladder);
    void applyLayout(const QList<NodePosition> &layout);
    QString uniqueTierId(const QString &base, const Ladder &ladder) const;
    QString uniqueDetectorId(const QString &base, const Ladder &ladder) const;
    QPointF nodePosition(const QString &key) const;

signals:
    void filePathChanged();
    void documentChanged();
    void dirtyChanged();
    void undoStateChanged();
    void errorStringChanged();
    void geometryChanged();
    void snapToGridChanged();
    void movingChanged();
    void autosavePathChanged();
    void catalogueChanged();
    void loaded();

private:
    void setMoving(bool moving);
    void resetTo(const Ladder &ladder, const QString &path, bool dirty);
    void rebuild();
    void refreshItems();
    // `layout` with every node of the graph at its Auto-Layout position.
    QList<NodePosition> withAutoLayout(QList<NodePosition> layout) const;
    NodeItem makeNodeItem(const GraphNode &node) const;
    EdgeItem makeEdgeItem(const GraphEdge &edge) const;
    // The nodes and edges of `keys` show their new selection state.
    void refreshSelected(const QSet<QString> &keys);
    void setDirty(bool dirty);

    Ladder m_ladder;
    LadderGraph m_graph;
    Diagnostics m_diagnostics;
    QHash<QString, QString> m_problemOf;         // element key -> first error message
    QMap<QString, QStringList> m_providerModels; // of the provider configuration
    std::shared_ptr<const ProviderConfig> m_providerConfig;
    PricingTable m_pricing = PricingTable::builtin(); // the built-in table + the file's prices
    NodeListModel *m_nodes;
    EdgeListModel *m_edges;
    ProblemListModel *m_problems;
    QUndoStack *m_undo;
    LadderSelection *m_selection;
    LadderClipboard *m_clipboard;
    LadderInspector *m_inspector;
    QString m_filePath;
    QString m_error;
    QString m_autosavePath;
    QTimer m_autosaveTimer;
    bool m_dirty = false;
    bool m_recovered = false; // recovered autosave: dirty until saved
    bool m_snap = true;
    // Drag in progress.
    QHash<QString, QPointF> m_moveStart; // layout id -> position at drag start
    int m_moveSerial = 0;
    bool m_moving = false;
};

} // namespace ladder
