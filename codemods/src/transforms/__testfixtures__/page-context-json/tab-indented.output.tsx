import { usePageContext } from "vike-solid/usePageContext";

// Tab-indented, as a real app was: the TODO goes above `return (`, and a statement that shares its line is listed instead.
function Content() {
	const pageCtx = usePageContext() as unknown as {
		cookies: ReadonlyMap<string, string>;
	};
	const log = () => { console.log(1); return JSON.stringify(pageCtx) };

	// TODO(vike-photon migrate): `JSON.stringify(pageCtx)` serializes the whole pageContext, Vike's internals included: from Vike 0.4.260 (migrate raised it for vike-photon) they hold a circular Vite config while pre-rendering, and JSON.stringify throws "Converting circular structure to JSON". Serialize only the fields you need, or list them in passToClient (https://vike.dev/passToClient)
	return (
		<script
			innerHTML={`
				window.__PAGE_CTX__ = ${JSON.stringify(pageCtx)};
			`}
		/>
	);
}

export { Content };
