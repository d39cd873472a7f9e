# syntax=docker/dockerfile:1
# MotCua API/worker image. Build: docker build -t motcua .
# Run the migrations first (a separate step), then any number of API and worker containers:
#   docker run --rm -e MOTCUA_DATABASE_URL=... -e MOTCUA_SECRET_KEY=... motcua motcua migrate
#   docker run -p 8000:8000 -e MOTCUA_DATABASE_URL=... -e MOTCUA_SECRET_KEY=... motcua

FROM python:3.12-slim AS build
ENV UV_PROJECT_ENVIRONMENT=/opt/venv \
    UV_COMPILE_BYTECODE=1 \
    UV_LINK_MODE=copy \
    UV_PYTHON_DOWNLOADS=never
RUN pip install --no-cache-dir "uv==0.13.9"
WORKDIR /srv/motcua
# dependencies first: this layer is reused while only our code changes
COPY pyproject.toml uv.lock README.md ./
RUN uv sync --locked --no-dev --no-install-project
COPY alembic.ini ./
COPY migrations ./migrations
COPY app ./app
RUN uv sync --locked --no-dev

FROM python:3.12-slim AS runtime
RUN useradd --system --uid 10001 --no-create-home --shell /usr/sbin/nologin motcua
COPY --from=build /opt/venv /opt/venv
COPY --from=build --chown=root:root /srv/motcua /srv/motcua
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    MOTCUA_ENV=production
WORKDIR /srv/motcua
USER motcua
EXPOSE 8000
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
    CMD ["python", "-c", "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/health', timeout=2)"]
CMD ["motcua", "serve", "--host", "0.0.0.0", "--port", "8000"]
