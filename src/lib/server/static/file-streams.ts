/**
 * sirv sends a file by writing the status and headers, then piping a file stream into the
 * response, with no error handler on the stream and nothing that closes it if the client leaves.
 * A file that vanished since sirv looked at it made the stream throw (and the process die), and
 * every interrupted download kept its file open for good, until the process ran out of handles.
 * `guardFileStreams` fixes both from outside sirv, through the response's `pipe` event: it holds
 * a 2xx status back until the file is open, so a file that cannot be opened can still get a 404;
 * it handles the stream's errors; and it destroys the stream (closing the file) when the response
 * closes for any reason.
 */
import { ServerResponse } from 'node:http';
import type { Readable } from 'node:stream';

type WriteHeadArgs = Parameters<ServerResponse['writeHead']>;

/** Call just before handing the request to sirv; `onUnreadable` answers when the file cannot be read. */
export function guardFileStreams(res: ServerResponse, onUnreadable: () => void): void {
	let held: WriteHeadArgs | undefined;
	const writeHeadNow = (...args: WriteHeadArgs) => ServerResponse.prototype.writeHead.apply(res, args);
	const release = () => {
		res.writeHead = ServerResponse.prototype.writeHead;
		const args = held;
		held = undefined;
		if (args) writeHeadNow(...args);
	};
	res.writeHead = ((...args: WriteHeadArgs) => {
		const status = args[0];
		// Only a success status waits for the file; sirv ends 304s and 416s at once.
		if (status >= 200 && status < 300) held = args;
		else writeHeadNow(...args);
		return res;
	}) as ServerResponse['writeHead'];

	res.once('pipe', (source: Readable) => {
		source.once('ready', release);
		source.once('error', (error) => {
			if (held) {
				held = undefined;
				res.writeHead = ServerResponse.prototype.writeHead;
				source.unpipe(res);
				onUnreadable();
			} else res.destroy(error);
		});
		// Finished or abandoned, the response no longer needs the file.
		res.once('close', () => source.destroy());
	});
}
