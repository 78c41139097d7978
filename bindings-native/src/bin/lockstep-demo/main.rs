//! `lockstep-demo`: the checkout demo server (issue #9).
//!
//! Serves the demo page (static files, `dist/www` by default) and answers
//! `POST /api/{quote,validate,score,version}` by handing the body to
//! [`lockstep::handle_json`]: the server holds no business logic, so its answers are the
//! bytes every other target gives. Binds 127.0.0.1 only and prints its URL as the first
//! line of stdout. Statuses and limits: `www/README.md`.
//!
//! Built only with the `demo-server` feature:
//! `cargo build --release -p lockstep --features demo-server --bin lockstep-demo`.

mod api;
mod args;
mod assets;

use std::io::Write;
use std::net::{Ipv4Addr, SocketAddr};
use std::path::PathBuf;
use std::process::ExitCode;
use std::sync::Arc;

use axum::Router;
use axum::extract::{Request, State};
use axum::response::Response;

/// What every request handler can see.
#[derive(Debug)]
struct App {
    /// Directory the static files are served from.
    www: PathBuf,
}

fn main() -> ExitCode {
    let options = match args::parse(std::env::args().skip(1)) {
        Ok(args::Command::Run(options)) => options,
        Ok(args::Command::Help) => {
            let _ = std::io::stdout().lock().write_all(args::USAGE.as_bytes());
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            let _ = writeln!(
                std::io::stderr().lock(),
                "lockstep-demo: {message}\n{}",
                args::USAGE
            );
            return ExitCode::from(2);
        }
    };
    if !options.www.join("index.html").is_file() {
        let _ = writeln!(
            std::io::stderr().lock(),
            "lockstep-demo: warning: {} has no index.html (run scripts/build.sh and scripts/build-www.sh)",
            options.www.display()
        );
    }
    let runtime = match tokio::runtime::Builder::new_current_thread()
        .enable_io()
        .build()
    {
        Ok(runtime) => runtime,
        Err(e) => {
            let _ = writeln!(std::io::stderr().lock(), "lockstep-demo: cannot start: {e}");
            return ExitCode::from(1);
        }
    };
    match runtime.block_on(serve(options)) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let _ = writeln!(std::io::stderr().lock(), "lockstep-demo: {message}");
            ExitCode::from(1)
        }
    }
}

async fn serve(options: args::Options) -> Result<(), String> {
    let addr = SocketAddr::from((Ipv4Addr::LOCALHOST, options.port));
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|e| format!("cannot listen on {addr}: {e}"))?;
    let bound = listener
        .local_addr()
        .map_err(|e| format!("cannot read the bound address: {e}"))?;
    {
        // The first line of stdout is the URL (tests read it to find a `--port 0` port).
        let mut out = std::io::stdout().lock();
        let _ = writeln!(out, "Lockstep demo: http://{bound}/");
        let _ = writeln!(out, "serving {} (Ctrl-C to stop)", options.www.display());
        let _ = out.flush();
    }
    let app = Arc::new(App { www: options.www });
    let router = Router::new().fallback(route).with_state(app);
    axum::serve(listener, router)
        .await
        .map_err(|e| format!("server stopped: {e}"))
}

/// The one handler: `/api/...` goes to the core, everything else is a static file.
async fn route(State(app): State<Arc<App>>, request: Request) -> Response {
    let path = request.uri().path().to_owned();
    match path.strip_prefix("/api/") {
        Some(op) => api::answer(op, request).await,
        None => assets::answer(&app.www, &path, request.method()).await,
    }
}
