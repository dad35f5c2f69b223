import { usePageContext } from "vike-solid/usePageContext";

// Tab-indented, as a real app was: the TODO goes above `return (`, and a statement that shares its line is listed instead.
function Content() {
	const pageCtx = usePageContext() as unknown as {
		cookies: ReadonlyMap<string, string>;
	};
	const log = () => { console.log(1); return JSON.stringify(pageCtx) };

	return (
		<script
			innerHTML={`
				window.__PAGE_CTX__ = ${JSON.stringify(pageCtx)};
			`}
		/>
	);
}

export { Content };
