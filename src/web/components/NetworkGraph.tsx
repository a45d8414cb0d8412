import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Field,
  Heading,
  Label,
  Link,
  Paragraph,
  Select,
} from '@digdir/designsystemet-react';
import { NODE_METRICS, NodeMetric, type NetworkView } from '../../shared/network.ts';
import {
  COLOUR_BY,
  adjacency,
  colourScheme,
  formatCount,
  isNodeKind,
  layoutNetwork,
  nodeSizes,
  sizeRange,
  type ColourBy,
  type LegendEntry,
} from '../network-view.ts';
import { NodeSearch } from './network/NodeSearch.tsx';
import { SelectedNode } from './network/SelectedNode.tsx';
import { useNetworkTranslation } from './network/network-i18n.ts';
import { useNodeLabels } from './network/node-labels.ts';
import type { NetworkRenderer } from './network/sigma-renderer.ts';

type CanvasState = 'loading' | 'ready' | 'unavailable';

/** Whether the browser can give sigma a WebGL 2 context (not with the GPU switched off, say). */
function hasWebGL2(): boolean {
  try {
    const gl = document.createElement('canvas').getContext('webgl2');
    if (!gl) return false;
    gl.getExtension('WEBGL_lose_context')?.loseContext();
    return true;
  } catch {
    return false;
  }
}

interface Props {
  view: NetworkView;
  selected: string | null;
  onSelect: (id: string | null) => void;
  /** The id of the tables' heading, which "go to the tables" moves focus to. */
  tablesId: string;
}

/**
 * The network as an interactive WebGL picture (sigma, loaded on demand), with a node search,
 * colours by community, sector, country or kind (a legend in words), sizes by a metric, and the
 * chosen node's neighbourhood highlighted. Without WebGL it says so and points to the tables;
 * the search and the chosen node's details work either way.
 */
export function NetworkGraph({ view, selected, onSelect, tablesId }: Props) {
  const { t, lang } = useNetworkTranslation();
  const names = useNodeLabels();
  const [colourBy, setColourBy] = useState<ColourBy>('community');
  const [sizeBy, setSizeBy] = useState<NodeMetric>('degree');
  const [webgl] = useState(hasWebGL2);
  const [state, setState] = useState<CanvasState>(webgl ? 'loading' : 'unavailable');
  const containerRef = useRef<HTMLDivElement>(null);
  const rendererRef = useRef<NetworkRenderer | null>(null);

  const byId = useMemo(() => new Map(view.nodes.map((n) => [n.id, n])), [view.nodes]);
  const neighbours = useMemo(() => adjacency(view.edges), [view.edges]);
  const positions = useMemo(() => layoutNetwork(view.nodes), [view.nodes]);
  const scheme = useMemo(() => colourScheme(view.nodes, colourBy), [view.nodes, colourBy]);
  const colours = useMemo(
    () => new Map(view.nodes.map((n) => [n.id, scheme.colourOf(n)])),
    [view.nodes, scheme],
  );
  const sizes = useMemo(
    () => nodeSizes(view.nodes, sizeBy, sizeRange(view.nodes.length)),
    [view.nodes, sizeBy],
  );
  const selectedNode = selected === null ? null : (byId.get(selected) ?? null);

  // What the renderer needs when it is (re)created, without recreating it when these change.
  const messages = {
    wheel: t('graph.gestureWheel'),
    appleWheel: t('graph.gestureAppleWheel'),
    touch: t('graph.gestureTouch'),
  };
  const latest = useRef({ colours, sizes, selected, neighbours, messages, onSelect });
  useEffect(() => {
    latest.current = { colours, sizes, selected, neighbours, messages, onSelect };
  });

  // One renderer per network: sigma (and graphology) load on first use.
  useEffect(() => {
    if (!webgl) return;
    let cancelled = false;
    let renderer: NetworkRenderer | null = null;
    import('./network/sigma-renderer.ts').then(
      ({ createRenderer }) => {
        const container = containerRef.current;
        if (cancelled || !container) return;
        const now = latest.current;
        const range = sizeRange(view.nodes.length);
        try {
          renderer = createRenderer(container, view.nodes, view.edges, {
            positions,
            colours: now.colours,
            sizes: now.sizes,
            onClickNode: (id) => latest.current.onSelect(id),
            messages: now.messages,
            // Names of the larger half of the nodes at first; zooming in shows more.
            labelThreshold: (range.min + range.max) / 2,
          });
        } catch {
          // No WebGL 2 after all (sigma's constructor throws), or the context was refused.
          setState('unavailable');
          return;
        }
        if (now.selected !== null) {
          renderer.setSelection(now.selected, new Set(now.neighbours.get(now.selected) ?? []));
          renderer.focusNode(now.selected);
        }
        rendererRef.current = renderer;
        setState('ready');
      },
      () => {
        if (!cancelled) setState('unavailable');
      },
    );
    return () => {
      cancelled = true;
      renderer?.kill();
      rendererRef.current = null;
    };
  }, [webgl, view, positions]);

  useEffect(() => {
    rendererRef.current?.setAppearance(colours, sizes);
  }, [colours, sizes]);

  useEffect(() => {
    const renderer = rendererRef.current;
    if (!renderer) return;
    renderer.setSelection(selected, new Set(selected ? (neighbours.get(selected) ?? []) : []));
    if (selected !== null) renderer.focusNode(selected);
  }, [selected, neighbours]);

  const colourLabel = t(`colourBy.${colourBy}`);
  const sizeLabel = t(`metrics.${sizeBy}`);
  const legendLabel = (e: LegendEntry) =>
    e.other
      ? t('legend.other')
      : e.value === null
        ? t('legend.none')
        : colourBy === 'community'
          ? names.community(Number(e.value))
          : colourBy === 'kind'
            ? isNodeKind(e.value)
              ? names.kind(e.value)
              : e.value
            : colourBy === 'country'
              ? (names.country(e.value) ?? e.value)
              : (names.sector(e.value) ?? e.value);

  return (
    <section aria-labelledby="network-graph-heading" className="stack section">
      <Heading level={2} data-size="sm" id="network-graph-heading">
        {t('graph.heading')}
      </Heading>
      <div className="network-controls">
        <NodeSearch nodes={view.nodes} selected={selectedNode} onSelect={onSelect} />
        <Field data-size="sm">
          <Label htmlFor="network-colour-by">{t('graph.colourBy')}</Label>
          <Select
            id="network-colour-by"
            value={colourBy}
            onChange={(e) => {
              const value = COLOUR_BY.find((c) => c === e.target.value);
              if (value) setColourBy(value);
            }}
          >
            {COLOUR_BY.map((c) => (
              <Select.Option key={c} value={c}>
                {t(`colourBy.${c}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
        <Field data-size="sm">
          <Label htmlFor="network-size-by">{t('graph.sizeBy')}</Label>
          <Select
            id="network-size-by"
            value={sizeBy}
            onChange={(e) => {
              const parsed = NodeMetric.safeParse(e.target.value);
              if (parsed.success) setSizeBy(parsed.data);
            }}
          >
            {NODE_METRICS.map((m) => (
              <Select.Option key={m} value={m}>
                {t(`metrics.${m}`)}
              </Select.Option>
            ))}
          </Select>
        </Field>
      </div>

      <div className="legend network-legend">
        <span className="legend-label" id="network-legend-label">
          {t('legend.heading', { colour: colourLabel })}
        </span>
        <ul className="legend-items" aria-labelledby="network-legend-label">
          {scheme.legend.map((e) => (
            <li key={`${e.other ? 'other' : (e.value ?? 'none')}`}>
              <svg width="16" height="16" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                <circle cx="8" cy="8" r="7" fill={e.colour} stroke="#1e2b3c" strokeWidth="1" />
              </svg>
              {t('legend.entry', { label: legendLabel(e), n: formatCount(e.count, lang) })}
            </li>
          ))}
        </ul>
      </div>

      <div className="network-stage">
        <div className="network-picture stack">
          {state === 'unavailable' && (
            <Alert data-color="warning" className="network-no-webgl">
              <Paragraph>{t('graph.noWebgl')}</Paragraph>
            </Alert>
          )}
          <div
            ref={containerRef}
            className="network-canvas"
            role="img"
            aria-label={t('graph.canvasLabel', {
              nodes: formatCount(view.nodes.length, lang),
              ties: formatCount(view.edges.length, lang),
              colour: colourLabel,
              size: sizeLabel,
            })}
            aria-describedby="network-canvas-description"
            aria-busy={state === 'loading'}
            hidden={state === 'unavailable'}
          />
          {state === 'ready' && (
            <div className="button-row">
              <Button
                variant="secondary"
                data-size="sm"
                onClick={() => rendererRef.current?.zoomIn()}
              >
                {t('graph.zoomIn')}
              </Button>
              <Button
                variant="secondary"
                data-size="sm"
                onClick={() => rendererRef.current?.zoomOut()}
              >
                {t('graph.zoomOut')}
              </Button>
              <Button
                variant="secondary"
                data-size="sm"
                onClick={() => rendererRef.current?.resetView()}
              >
                {t('graph.resetView')}
              </Button>
            </div>
          )}
          <Paragraph data-size="sm" id="network-canvas-description">
            {state !== 'unavailable' && <>{t('graph.description')} </>}
            <Link
              href={`#${tablesId}`}
              onClick={(event) => {
                event.preventDefault();
                const heading = document.getElementById(tablesId);
                heading?.scrollIntoView({ block: 'start' });
                heading?.focus();
              }}
            >
              {t('graph.toTables')}
            </Link>
          </Paragraph>
        </div>
        <SelectedNode view={view} node={selectedNode} onSelect={onSelect} />
      </div>
    </section>
  );
}
