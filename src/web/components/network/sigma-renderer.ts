/*
 * The WebGL picture of the network (sigma 4 on a graphology graph). Loaded on demand by
 * NetworkGraph, so no other page downloads sigma. Everything the picture shows (positions,
 * colours, sizes) is computed by the pure helpers in network-view.ts; this module only draws.
 */
import Graph from 'graphology';
import Sigma from 'sigma';
import {
  DIMMED_COLOUR,
  EDGE_COLOUR,
  EDGE_HIGHLIGHT_COLOUR,
  type Point,
} from '../../network-view.ts';

export interface RendererNode {
  id: string;
  label: string;
}

export interface RendererEdge {
  source: string;
  target: string;
  weight: number;
}

export interface RendererOptions {
  positions: ReadonlyMap<string, Point>;
  colours: ReadonlyMap<string, string>;
  sizes: ReadonlyMap<string, number>;
  /** A click (or tap) on a node. */
  onClickNode: (id: string) => void;
  /** Nodes drawn smaller than this (in pixels) have no name shown. */
  labelThreshold: number;
  /** Shown when a wheel or one-finger gesture reaches the picture (it zooms with Ctrl). */
  messages: { wheel: string; appleWheel: string; touch: string };
}

export interface NetworkRenderer {
  setAppearance(colours: ReadonlyMap<string, string>, sizes: ReadonlyMap<string, number>): void;
  /** Highlight a node and its neighbours (null: nothing), dimming the rest. */
  setSelection(id: string | null, neighbours: ReadonlySet<string>): void;
  /** Move the camera to a node. */
  focusNode(id: string): void;
  zoomIn(): void;
  zoomOut(): void;
  resetView(): void;
  kill(): void;
}

type NodeAttributes = { x: number; y: number; size: number; color: string; label: string };
type EdgeAttributes = { size: number; color: string };

/** Networks this large move without edges and label fewer nodes, to stay smooth. */
const LARGE = 2_000;

/**
 * Draw the network into `container`. Throws when the browser has no WebGL 2 (sigma's
 * constructor fails): the caller shows the tables instead.
 */
export function createRenderer(
  container: HTMLElement,
  nodes: readonly RendererNode[],
  edges: readonly RendererEdge[],
  options: RendererOptions,
): NetworkRenderer {
  const graph = new Graph<NodeAttributes, EdgeAttributes>({
    type: 'undirected',
    multi: false,
    allowSelfLoops: false,
  });
  for (const node of nodes) {
    const p = options.positions.get(node.id) ?? { x: 0, y: 0 };
    graph.addNode(node.id, {
      x: p.x,
      // Screen y grows downwards, graph y upwards: flip so the layout reads as computed.
      y: -p.y,
      size: options.sizes.get(node.id) ?? 3,
      color: options.colours.get(node.id) ?? EDGE_HIGHLIGHT_COLOUR,
      label: node.label,
    });
  }
  for (const edge of edges) {
    if (edge.source === edge.target) continue;
    if (!graph.hasNode(edge.source) || !graph.hasNode(edge.target)) continue;
    graph.mergeEdge(edge.source, edge.target, {
      size: Math.min(4, 0.8 + Math.log2(Math.max(1, edge.weight)) * 0.8),
      color: EDGE_COLOUR,
    });
  }

  let selected: string | null = null;
  let neighbourhood: ReadonlySet<string> = new Set();
  const large = nodes.length > LARGE;

  const sigma = new Sigma(graph, container, {
    settings: {
      itemSizesReference: 'screen',
      renderLabels: true,
      labelRenderedSizeThreshold: options.labelThreshold,
      labelDensity: large ? 0.5 : 0.8,
      hideEdgesOnMove: large,
      enableCameraRotation: false,
      enableCameraMouseRotation: false,
      // The page scrolls past the picture; Ctrl (⌘) + wheel or two fingers zoom it.
      gestureTarget: 'shared',
      sharedGestureWheelMessage: options.messages.wheel,
      sharedGestureAppleWheelMessage: options.messages.appleWheel,
      sharedGestureTouchMessage: options.messages.touch,
    },
    nodeReducer: (key) => {
      if (selected === null) return {};
      if (key === selected) {
        return { highlighted: true, labelVisibility: 'visible', depth: 'topNodes', zIndex: 2 };
      }
      if (neighbourhood.has(key))
        return { labelVisibility: 'visible', depth: 'topNodes', zIndex: 1 };
      return { color: DIMMED_COLOUR, labelVisibility: 'hidden', zIndex: 0 };
    },
    edgeReducer: (key) => {
      if (selected === null) return {};
      const [source, target] = graph.extremities(key);
      if (source === selected || target === selected) {
        return { color: EDGE_HIGHLIGHT_COLOUR, depth: 'topEdges', zIndex: 1 };
      }
      return { visibility: 'hidden' };
    },
  });
  sigma.on('clickNode', ({ node }) => options.onClickNode(node));

  const camera = sigma.getCamera();
  return {
    setAppearance(colours, sizes) {
      graph.updateEachNodeAttributes(
        (id, attrs) => ({
          ...attrs,
          color: colours.get(id) ?? attrs.color,
          size: sizes.get(id) ?? attrs.size,
        }),
        { attributes: ['color', 'size'] },
      );
    },
    setSelection(id, neighbours) {
      selected = id !== null && graph.hasNode(id) ? id : null;
      neighbourhood = neighbours;
      sigma.refresh();
    },
    focusNode(id) {
      const data = sigma.getNodeDisplayData(id);
      if (!data) return;
      void camera.animate(
        { x: data.x, y: data.y, ratio: Math.min(camera.ratio, 0.35) },
        { duration: 400 },
      );
    },
    zoomIn() {
      void camera.zoomIn({ duration: 250 });
    },
    zoomOut() {
      void camera.zoomOut({ duration: 250 });
    },
    resetView() {
      void camera.reset({ duration: 300 });
    },
    kill() {
      sigma.kill();
    },
  };
}
