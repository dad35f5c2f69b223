// TODO(vike-photon migrate): @photonjs/vercel does not scan /_api: add `photon: { entries: { ...(await getEntriesFromFs('_api', { destination: '_api' })) } }` to +config (getEntriesFromFs from @photonjs/vercel/utils), or move this file out of /_api; rewrite the (req, res) handler as (request: Request) => Response
import type { VercelRequest, VercelResponse } from '@vercel/node'

export default function handler(req: VercelRequest, res: VercelResponse) {
  res.status(200).send('ok')
}
