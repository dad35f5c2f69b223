// A page that fails on purpose, to show the 500 error page.
export default function Page(): never {
  throw new Error('This page crashes on purpose')
}
